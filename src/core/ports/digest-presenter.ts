import type { DailyDigest, WeeklyDigest } from '../digests/digest-facts.js';
import type { Reply } from '../messages/reply.js';

/** Turns digest facts into neutral replies (French text lives in the conversation layer). */
export interface DigestPresenter {
  daily(digest: DailyDigest): Reply;
  weekly(digest: WeeklyDigest): Reply;
  /** The gentle end-of-shift reminder, with its buttons. */
  reminder(input: { firstName: string; personId: string; date: string }): Reply;
}

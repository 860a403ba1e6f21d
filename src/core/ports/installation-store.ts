/** A workspace where Relais was installed through OAuth, with its bot token (plain here; encrypted by the store). */
export interface Installation {
  readonly platform: string;
  readonly workspaceId: string;
  readonly enterpriseId?: string | null;
  readonly workspaceName?: string | null;
  readonly botToken: string;
  readonly botUserId?: string | null;
  readonly botId?: string | null;
  /** Token rotation: the refresh token and when the bot token expires. */
  readonly refreshToken?: string | null;
  readonly expiresAt?: Date | null;
  readonly scopes?: string | null;
  readonly installedBy?: string | null;
}

/** Installations of Relais in chat workspaces (multi-workspace distribution). */
export interface InstallationStore {
  /** Insert or replace the installation of a workspace. */
  save(installation: Installation): Promise<void>;
  find(platform: string, workspaceId: string): Promise<Installation | null>;
  /** The app was uninstalled or its tokens revoked. */
  remove(platform: string, workspaceId: string): Promise<void>;
  /**
   * Runs `refresh` with the installation locked against every other instance
   * (a rotated refresh token works only once): it reads the current row, and
   * what it returns is saved before the lock is released.
   */
  refreshLocked(platform: string, workspaceId: string, refresh: (current: Installation | null) => Promise<Installation | null>): Promise<Installation | null>;
}

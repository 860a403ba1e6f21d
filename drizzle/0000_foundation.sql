CREATE SCHEMA IF NOT EXISTS "relais";
--> statement-breakpoint
CREATE TABLE "relais"."channel_bindings" (
	"id" text PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"platform" text NOT NULL,
	"purpose" text DEFAULT 'team' NOT NULL,
	"workspace_id" text DEFAULT '' NOT NULL,
	"channel_id" text NOT NULL,
	"reference" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relais"."people" (
	"id" text PRIMARY KEY NOT NULL,
	"structure_id" text NOT NULL,
	"roster_key" text NOT NULL,
	"first_name" text NOT NULL,
	"last_name" text NOT NULL,
	"aliases" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"role" text NOT NULL,
	"team_id" text,
	"referent_cip_id" text,
	"email" text,
	"phone" text,
	"contract_start" date,
	"contract_end" date,
	"status" text DEFAULT 'active' NOT NULL,
	"exit_date" date,
	"exit_category" text,
	"last_contact_on" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relais"."platform_identities" (
	"id" text PRIMARY KEY NOT NULL,
	"platform" text NOT NULL,
	"workspace_id" text DEFAULT '' NOT NULL,
	"user_id" text NOT NULL,
	"person_id" text NOT NULL,
	"display_name" text,
	"direct_channel" jsonb,
	"linked_by" text,
	"active" boolean DEFAULT true NOT NULL,
	"last_seen_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relais"."structures" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text DEFAULT 'ACI' NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relais"."teams" (
	"id" text PRIMARY KEY NOT NULL,
	"structure_id" text NOT NULL,
	"key" text NOT NULL,
	"name" text NOT NULL,
	"activity" text DEFAULT 'autre' NOT NULL,
	"rome_code" text,
	"timezone" text DEFAULT 'Europe/Paris' NOT NULL,
	"settings" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relais"."alerts" (
	"id" text PRIMARY KEY NOT NULL,
	"note_id" text,
	"person_id" text,
	"date" date NOT NULL,
	"topic" text NOT NULL,
	"evidence" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"notified_at" timestamp with time zone,
	"acknowledged_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relais"."attendance" (
	"id" text PRIMARY KEY NOT NULL,
	"note_id" text,
	"person_id" text NOT NULL,
	"team_id" text,
	"date" date NOT NULL,
	"status" text NOT NULL,
	"excused" boolean,
	"minutes" integer,
	"hours_worked" double precision,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relais"."incidents" (
	"id" text PRIMARY KEY NOT NULL,
	"note_id" text,
	"team_id" text,
	"date" date NOT NULL,
	"kind" text NOT NULL,
	"person_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"evidence" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relais"."observations" (
	"id" text PRIMARY KEY NOT NULL,
	"note_id" text,
	"person_id" text NOT NULL,
	"author_id" text,
	"date" date NOT NULL,
	"category" text NOT NULL,
	"polarity" text NOT NULL,
	"evidence" text NOT NULL,
	"sensitivity" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relais"."production_entries" (
	"id" text PRIMARY KEY NOT NULL,
	"note_id" text,
	"team_id" text,
	"date" date NOT NULL,
	"activity" text NOT NULL,
	"quantity" double precision,
	"unit" text,
	"site" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relais"."shift_notes" (
	"id" text PRIMARY KEY NOT NULL,
	"structure_id" text NOT NULL,
	"team_id" text,
	"author_id" text NOT NULL,
	"shift_date" date NOT NULL,
	"raw_text" text,
	"source" text DEFAULT 'text' NOT NULL,
	"status" text DEFAULT 'received' NOT NULL,
	"platform" text NOT NULL,
	"platform_event_id" text NOT NULL,
	"conversation" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"draft" jsonb,
	"engine" text,
	"version" integer DEFAULT 0 NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"drafted_at" timestamp with time zone,
	"confirmed_at" timestamp with time zone,
	"discarded_at" timestamp with time zone,
	"text_purged_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relais"."learning_session_participants" (
	"session_id" text NOT NULL,
	"person_id" text NOT NULL,
	CONSTRAINT "learning_session_participants_session_id_person_id_pk" PRIMARY KEY("session_id","person_id")
);
--> statement-breakpoint
CREATE TABLE "relais"."learning_sessions" (
	"id" text PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"trainer_id" text NOT NULL,
	"date" date,
	"start_time" text,
	"duration_minutes" integer,
	"site" text,
	"topic" text NOT NULL,
	"plan" jsonb NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"engine" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relais"."skill_evaluations" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"session_id" text,
	"skill_id" text,
	"skill_label" text NOT NULL,
	"criterion" text,
	"level" text NOT NULL,
	"dimension" text DEFAULT 'maitrise' NOT NULL,
	"observed_fact" text,
	"self_assessment" text,
	"next_step" text,
	"evaluator_id" text,
	"date" date NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"confirmed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relais"."skills" (
	"id" text PRIMARY KEY NOT NULL,
	"team_id" text NOT NULL,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"rome_code" text,
	"description" text,
	"kind" text DEFAULT 'technique' NOT NULL,
	"clea_domain" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relais"."bilans" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"kind" text NOT NULL,
	"date" date NOT NULL,
	"participants" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"content" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"salarie_view" text,
	"salarie_agreement" boolean,
	"exit_category" text,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relais"."objective_actions" (
	"id" text PRIMARY KEY NOT NULL,
	"objective_id" text NOT NULL,
	"label" text NOT NULL,
	"status" text DEFAULT 'en_projet' NOT NULL,
	"due_on" date,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relais"."objectives" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"theme" text NOT NULL,
	"label" text NOT NULL,
	"status" text DEFAULT 'en_cours' NOT NULL,
	"due_on" date,
	"consent_given" boolean DEFAULT false NOT NULL,
	"consent_at" timestamp with time zone,
	"bilan_id" text,
	"created_by" text,
	"history" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relais"."situations" (
	"id" text PRIMARY KEY NOT NULL,
	"person_id" text NOT NULL,
	"theme" text NOT NULL,
	"kind" text NOT NULL,
	"label" text NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"intensity" text,
	"details" text,
	"source_observation_id" text,
	"author_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "relais"."inbox" (
	"id" text PRIMARY KEY NOT NULL,
	"dedupe_key" text NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempt" integer DEFAULT 0 NOT NULL,
	"available_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"locked_by" text,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "relais"."outbox" (
	"id" text PRIMARY KEY NOT NULL,
	"dedupe_key" text NOT NULL,
	"platform" text NOT NULL,
	"destination" jsonb NOT NULL,
	"payload" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempt" integer DEFAULT 0 NOT NULL,
	"available_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"locked_by" text,
	"last_error" text,
	"result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "relais"."schedule_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"job" text NOT NULL,
	"run_key" text NOT NULL,
	"scheduled_for" timestamp with time zone NOT NULL,
	"claimed_by" text NOT NULL,
	"status" text DEFAULT 'claimed' NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "relais"."audit_log" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"actor_id" text,
	"actor_role" text,
	"door" text NOT NULL,
	"action" text NOT NULL,
	"resource_type" text NOT NULL,
	"resource_id" text,
	"subject_person_id" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "relais"."channel_bindings" ADD CONSTRAINT "channel_bindings_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "relais"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."people" ADD CONSTRAINT "people_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "relais"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."people" ADD CONSTRAINT "people_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "relais"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."platform_identities" ADD CONSTRAINT "platform_identities_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "relais"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."teams" ADD CONSTRAINT "teams_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "relais"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."alerts" ADD CONSTRAINT "alerts_note_id_shift_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "relais"."shift_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."alerts" ADD CONSTRAINT "alerts_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "relais"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."attendance" ADD CONSTRAINT "attendance_note_id_shift_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "relais"."shift_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."attendance" ADD CONSTRAINT "attendance_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "relais"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."attendance" ADD CONSTRAINT "attendance_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "relais"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."incidents" ADD CONSTRAINT "incidents_note_id_shift_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "relais"."shift_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."incidents" ADD CONSTRAINT "incidents_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "relais"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."observations" ADD CONSTRAINT "observations_note_id_shift_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "relais"."shift_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."observations" ADD CONSTRAINT "observations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "relais"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."observations" ADD CONSTRAINT "observations_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "relais"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."production_entries" ADD CONSTRAINT "production_entries_note_id_shift_notes_id_fk" FOREIGN KEY ("note_id") REFERENCES "relais"."shift_notes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."production_entries" ADD CONSTRAINT "production_entries_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "relais"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."shift_notes" ADD CONSTRAINT "shift_notes_structure_id_structures_id_fk" FOREIGN KEY ("structure_id") REFERENCES "relais"."structures"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."shift_notes" ADD CONSTRAINT "shift_notes_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "relais"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."shift_notes" ADD CONSTRAINT "shift_notes_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "relais"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."learning_session_participants" ADD CONSTRAINT "learning_session_participants_session_id_learning_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "relais"."learning_sessions"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."learning_session_participants" ADD CONSTRAINT "learning_session_participants_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "relais"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."learning_sessions" ADD CONSTRAINT "learning_sessions_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "relais"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."learning_sessions" ADD CONSTRAINT "learning_sessions_trainer_id_people_id_fk" FOREIGN KEY ("trainer_id") REFERENCES "relais"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."skill_evaluations" ADD CONSTRAINT "skill_evaluations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "relais"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."skill_evaluations" ADD CONSTRAINT "skill_evaluations_session_id_learning_sessions_id_fk" FOREIGN KEY ("session_id") REFERENCES "relais"."learning_sessions"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."skill_evaluations" ADD CONSTRAINT "skill_evaluations_skill_id_skills_id_fk" FOREIGN KEY ("skill_id") REFERENCES "relais"."skills"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."skill_evaluations" ADD CONSTRAINT "skill_evaluations_evaluator_id_people_id_fk" FOREIGN KEY ("evaluator_id") REFERENCES "relais"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."skills" ADD CONSTRAINT "skills_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "relais"."teams"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."bilans" ADD CONSTRAINT "bilans_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "relais"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."bilans" ADD CONSTRAINT "bilans_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "relais"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."objective_actions" ADD CONSTRAINT "objective_actions_objective_id_objectives_id_fk" FOREIGN KEY ("objective_id") REFERENCES "relais"."objectives"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."objectives" ADD CONSTRAINT "objectives_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "relais"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."objectives" ADD CONSTRAINT "objectives_created_by_people_id_fk" FOREIGN KEY ("created_by") REFERENCES "relais"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."situations" ADD CONSTRAINT "situations_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "relais"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."situations" ADD CONSTRAINT "situations_author_id_people_id_fk" FOREIGN KEY ("author_id") REFERENCES "relais"."people"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "channel_bindings_team_platform_purpose" ON "relais"."channel_bindings" USING btree ("team_id","platform","purpose");--> statement-breakpoint
CREATE UNIQUE INDEX "people_structure_roster_key" ON "relais"."people" USING btree ("structure_id","roster_key");--> statement-breakpoint
CREATE INDEX "people_team" ON "relais"."people" USING btree ("team_id");--> statement-breakpoint
CREATE INDEX "people_email" ON "relais"."people" USING btree (lower("email"));--> statement-breakpoint
CREATE UNIQUE INDEX "platform_identities_user" ON "relais"."platform_identities" USING btree ("platform","workspace_id","user_id");--> statement-breakpoint
CREATE INDEX "platform_identities_person" ON "relais"."platform_identities" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "teams_structure_key" ON "relais"."teams" USING btree ("structure_id","key");--> statement-breakpoint
CREATE INDEX "alerts_person" ON "relais"."alerts" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "alerts_status" ON "relais"."alerts" USING btree ("status");--> statement-breakpoint
CREATE INDEX "attendance_person_date" ON "relais"."attendance" USING btree ("person_id","date");--> statement-breakpoint
CREATE INDEX "attendance_team_date" ON "relais"."attendance" USING btree ("team_id","date");--> statement-breakpoint
CREATE INDEX "incidents_team_date" ON "relais"."incidents" USING btree ("team_id","date");--> statement-breakpoint
CREATE INDEX "observations_person_date" ON "relais"."observations" USING btree ("person_id","date");--> statement-breakpoint
CREATE INDEX "observations_note" ON "relais"."observations" USING btree ("note_id");--> statement-breakpoint
CREATE INDEX "production_team_date" ON "relais"."production_entries" USING btree ("team_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "shift_notes_platform_event" ON "relais"."shift_notes" USING btree ("platform","platform_event_id");--> statement-breakpoint
CREATE INDEX "shift_notes_author_date" ON "relais"."shift_notes" USING btree ("author_id","shift_date");--> statement-breakpoint
CREATE INDEX "shift_notes_team_date" ON "relais"."shift_notes" USING btree ("team_id","shift_date");--> statement-breakpoint
CREATE INDEX "shift_notes_status" ON "relais"."shift_notes" USING btree ("status");--> statement-breakpoint
CREATE INDEX "learning_sessions_team_date" ON "relais"."learning_sessions" USING btree ("team_id","date");--> statement-breakpoint
CREATE INDEX "skill_evaluations_person" ON "relais"."skill_evaluations" USING btree ("person_id","date");--> statement-breakpoint
CREATE UNIQUE INDEX "skills_team_key" ON "relais"."skills" USING btree ("team_id","key");--> statement-breakpoint
CREATE INDEX "bilans_person" ON "relais"."bilans" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "objectives_person" ON "relais"."objectives" USING btree ("person_id");--> statement-breakpoint
CREATE INDEX "situations_person" ON "relais"."situations" USING btree ("person_id");--> statement-breakpoint
CREATE UNIQUE INDEX "inbox_dedupe" ON "relais"."inbox" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "inbox_ready" ON "relais"."inbox" USING btree ("status","available_at");--> statement-breakpoint
CREATE UNIQUE INDEX "outbox_dedupe" ON "relais"."outbox" USING btree ("dedupe_key");--> statement-breakpoint
CREATE INDEX "outbox_ready" ON "relais"."outbox" USING btree ("status","available_at");--> statement-breakpoint
CREATE UNIQUE INDEX "schedule_runs_job_key" ON "relais"."schedule_runs" USING btree ("job","run_key");--> statement-breakpoint
CREATE INDEX "audit_subject" ON "relais"."audit_log" USING btree ("subject_person_id");--> statement-breakpoint
CREATE INDEX "audit_actor" ON "relais"."audit_log" USING btree ("actor_id");
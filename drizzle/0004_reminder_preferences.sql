CREATE TABLE "relais"."reminder_preferences" (
	"person_id" text PRIMARY KEY NOT NULL,
	"off" boolean DEFAULT false NOT NULL,
	"snoozed_until" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "relais"."reminder_preferences" ADD CONSTRAINT "reminder_preferences_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "relais"."people"("id") ON DELETE cascade ON UPDATE no action;
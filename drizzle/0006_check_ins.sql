CREATE TABLE "relais"."check_ins" (
	"person_id" text NOT NULL,
	"date" date NOT NULL,
	"team_id" text,
	"state" text NOT NULL,
	"opened_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "check_ins_person_id_date_pk" PRIMARY KEY("person_id","date")
);
--> statement-breakpoint
ALTER TABLE "relais"."check_ins" ADD CONSTRAINT "check_ins_person_id_people_id_fk" FOREIGN KEY ("person_id") REFERENCES "relais"."people"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "relais"."check_ins" ADD CONSTRAINT "check_ins_team_id_teams_id_fk" FOREIGN KEY ("team_id") REFERENCES "relais"."teams"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "check_ins_team_date" ON "relais"."check_ins" USING btree ("team_id","date");--> statement-breakpoint
CREATE INDEX "check_ins_state_date" ON "relais"."check_ins" USING btree ("state","date");
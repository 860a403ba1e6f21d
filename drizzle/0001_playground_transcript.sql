CREATE SEQUENCE "relais"."playground_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1;--> statement-breakpoint
CREATE TABLE "relais"."playground_messages" (
	"id" text PRIMARY KEY NOT NULL,
	"conversation_id" text NOT NULL,
	"author" text NOT NULL,
	"message_key" text,
	"text" text,
	"reply" jsonb,
	"seq" bigint DEFAULT nextval('relais.playground_seq') NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "playground_messages_key" ON "relais"."playground_messages" USING btree ("message_key");--> statement-breakpoint
CREATE INDEX "playground_messages_conversation_seq" ON "relais"."playground_messages" USING btree ("conversation_id","seq");
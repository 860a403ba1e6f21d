CREATE TABLE "relais"."llm_usage" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"month" text NOT NULL,
	"purpose" text NOT NULL,
	"model" text NOT NULL,
	"prompt_tokens" integer NOT NULL,
	"completion_tokens" integer NOT NULL,
	"outcome" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "llm_usage_month" ON "relais"."llm_usage" USING btree ("month");
CREATE TABLE "relais"."installations" (
	"platform" text NOT NULL,
	"workspace_id" text NOT NULL,
	"enterprise_id" text,
	"workspace_name" text,
	"bot_token" text NOT NULL,
	"bot_user_id" text,
	"bot_id" text,
	"refresh_token" text,
	"expires_at" timestamp with time zone,
	"scopes" text,
	"installed_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "installations_platform_workspace_id_pk" PRIMARY KEY("platform","workspace_id")
);

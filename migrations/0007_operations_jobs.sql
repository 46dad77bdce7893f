CREATE TABLE "leaderboard_weeks" (
	"week_start" date NOT NULL,
	"user_id" uuid NOT NULL,
	"rank" integer NOT NULL,
	"xp" integer NOT NULL,
	"archived_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "leaderboard_weeks_week_start_user_id_pk" PRIMARY KEY("week_start","user_id")
);
--> statement-breakpoint
CREATE TABLE "metrics_hourly" (
	"hour" timestamp with time zone PRIMARY KEY NOT NULL,
	"requests" integer NOT NULL,
	"errors" integer NOT NULL,
	"rate_limited" integer NOT NULL,
	"sum_ms" double precision NOT NULL,
	"buckets" jsonb NOT NULL,
	"p95_ms" real,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "streak_breaks" (
	"user_id" uuid NOT NULL,
	"last_day" date NOT NULL,
	"broken_on" date NOT NULL,
	"length" integer NOT NULL,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "streak_breaks_user_id_last_day_pk" PRIMARY KEY("user_id","last_day")
);
--> statement-breakpoint
ALTER TABLE "leaderboard_weeks" ADD CONSTRAINT "leaderboard_weeks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "streak_breaks" ADD CONSTRAINT "streak_breaks_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "leaderboard_weeks_week_rank_idx" ON "leaderboard_weeks" USING btree ("week_start","rank");
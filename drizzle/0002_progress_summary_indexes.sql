CREATE INDEX "incidents_person_ids" ON "relais"."incidents" USING gin ("person_ids");--> statement-breakpoint
CREATE INDEX "objective_actions_objective" ON "relais"."objective_actions" USING btree ("objective_id");--> statement-breakpoint
CREATE INDEX "objectives_status_due" ON "relais"."objectives" USING btree ("status","due_on");
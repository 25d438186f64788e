/**
 * The grants the function needs, as verb, resource type and the compartment they are granted in: what doctor
 * checks the policies for, and (with `use ons-topics` for the topic) what setup --iam writes. With the forecast
 * schedule, the function also reads it (GetSchedule: it checks each forecast body against the schedule that
 * sent it), in the function's compartment, where setup makes the schedule.
 */
export function neededGrants(
  deploymentCompartmentId: string,
  scheduleCompartmentId?: string,
): Array<{ verb: string; resource: string; compartmentId: string }> {
  return [
    { verb: "manage", resource: "data-science-model-deployments", compartmentId: deploymentCompartmentId },
    { verb: "read", resource: "data-science-work-requests", compartmentId: deploymentCompartmentId },
    { verb: "manage", resource: "alarms", compartmentId: deploymentCompartmentId },
    { verb: "read", resource: "metrics", compartmentId: deploymentCompartmentId },
    ...(scheduleCompartmentId
      ? [{ verb: "read", resource: "resource-schedule-family", compartmentId: scheduleCompartmentId }]
      : []),
  ];
}

/**
 * What lets the forecast schedule invoke the function. A new schedule may do nothing to its resources until a
 * policy lets it: Resource Scheduler docs, "Example Policies"
 * (https://docs.oracle.com/iaas/Content/resource-scheduler/references/example_policies.htm), example 2: `Allow
 * any-user to manage <resource_type> in compartment id <compartment_ocid> where all
 * {request.principal.type='resourceschedule', request.principal.id='<ocid_of_resourceschedule>'}`. Invoking a
 * function is `use fn-invocation` ("Details for Functions"); the condition names this one schedule only.
 */
export function scheduleInvokeStatement(functionCompartment: string, scheduleId: string): string {
  return `Allow any-user to use fn-invocation in ${functionCompartment} where all {request.principal.type = 'resourceschedule', request.principal.id = '${scheduleId}'}`;
}

/** Where the forecast schedule is (its compartment, and its OCID once it exists); false: --no-forecast. */
export type ForecastPlace = { compartmentId?: string; scheduleId?: string } | false;

/**
 * The IAM statements the deployed function needs (docs/deploying.md's "Permissions" step says why; a test keeps
 * the two the same). Setup creates the alarms in the deployment's compartment, so one compartment fills both.
 */
export function iamStatements(compartmentId?: string, functionId?: string, forecast: ForecastPlace = {}): string[] {
  const inCompartment = (placeholder: string) =>
    compartmentId ? `compartment id ${compartmentId}` : `compartment <${placeholder}>`;
  const place = forecast ? forecast.compartmentId : undefined;
  const fnCompartment = place ? `compartment id ${place}` : "compartment <function compartment>";
  const scheduleLines = forecast
    ? {
        read: [`  Allow dynamic-group <group> to read resource-schedule-family in ${fnCompartment}`],
        invoke: [
          "Policy statement letting the forecast schedule invoke the function (any-user, limited to that schedule):",
          `  ${scheduleInvokeStatement(fnCompartment, forecast.scheduleId ?? "<schedule OCID>")}`,
        ],
      }
    : { read: [], invoke: [] };
  return [
    "Dynamic group matching the function:",
    functionId
      ? `  ALL {resource.type = 'fnfunc', resource.id = '${functionId}'}`
      : "  ALL {resource.type = 'fnfunc', resource.compartment.id = '<function compartment OCID>'}",
    "Policy statements for that group:",
    `  Allow dynamic-group <group> to manage data-science-model-deployments in ${inCompartment("deployments compartment")}`,
    `  Allow dynamic-group <group> to read data-science-work-requests in ${inCompartment("deployments compartment")}`,
    `  Allow dynamic-group <group> to manage alarms in ${inCompartment("alarms compartment")}`,
    `  Allow dynamic-group <group> to read metrics in ${inCompartment("deployments compartment")}`,
    "  Allow dynamic-group <group> to use ons-topics in compartment <topic compartment>",
    "  (use ons-topics also covers PublishMessage, for the change notifications to NOTIFY_TOPIC_ID: name its compartment if it is another)",
    ...scheduleLines.read,
    ...scheduleLines.invoke,
  ];
}

/**
 * The grants the function needs, as verb, resource type and the compartment they are granted in: what doctor
 * checks the policies for, and (with `use ons-topics` for the topic) what setup --iam writes.
 */
export function neededGrants(
  deploymentCompartmentId: string,
): Array<{ verb: string; resource: string; compartmentId: string }> {
  return [
    { verb: "manage", resource: "data-science-model-deployments", compartmentId: deploymentCompartmentId },
    { verb: "read", resource: "data-science-work-requests", compartmentId: deploymentCompartmentId },
    { verb: "manage", resource: "alarms", compartmentId: deploymentCompartmentId },
    { verb: "read", resource: "metrics", compartmentId: deploymentCompartmentId },
  ];
}

/**
 * The IAM statements the deployed function needs (docs/deploying.md's "Permissions" step says why; a test keeps
 * the two the same). Setup creates the alarms in the deployment's compartment, so one compartment fills both.
 */
export function iamStatements(compartmentId?: string, functionId?: string): string[] {
  const inCompartment = (placeholder: string) =>
    compartmentId ? `compartment id ${compartmentId}` : `compartment <${placeholder}>`;
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
  ];
}

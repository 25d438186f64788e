/** The IAM statements the deployed function needs (the README's "Permissions" section says why). */
export function iamStatements(compartmentId?: string): string[] {
  const compartment = compartmentId ? `compartment id ${compartmentId}` : "compartment <deployments compartment>";
  return [
    "Dynamic group matching the function:",
    "  ALL {resource.type = 'fnfunc', resource.compartment.id = '<function compartment OCID>'}",
    "Policy statements for that group:",
    `  Allow dynamic-group <group> to manage data-science-model-deployments in ${compartment}`,
    `  Allow dynamic-group <group> to manage alarms in ${compartment}`,
    `  Allow dynamic-group <group> to read metrics in ${compartment}`,
    "  Allow dynamic-group <group> to use ons-topics in compartment <topic compartment>",
  ];
}

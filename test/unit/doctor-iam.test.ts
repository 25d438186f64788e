import { describe, expect, it } from "vitest";
import { grants, ruleCovers } from "../../commands/doctor/wiring-checks";

const FN = { id: "ocid1.fnfunc.oc1.iad.aaaaaaaafn", compartmentId: "ocid1.compartment.oc1..fns" };
const NEED = { verb: "manage", resource: "alarms", compartmentId: "ocid1.compartment.oc1..deps" };

describe("a dynamic group's matching rule covering the function", () => {
  it.each([
    [`ALL {resource.type = 'fnfunc', resource.id = '${FN.id}'}`, true],
    [`ALL {resource.type = 'fnfunc', resource.compartment.id = '${FN.compartmentId}'}`, true],
    ["ALL {resource.type = 'fnfunc', resource.compartment.id = 'ocid1.compartment.oc1..other'}", false],
    ["ALL {resource.type = 'fnfunc', resource.id = 'ocid1.fnfunc.oc1.iad.another'}", false],
    ["ANY {resource.type = 'fnfunc'}", true],
    [
      "ANY {resource.id = 'ocid1.fnfunc.oc1.iad.another', resource.compartment.id = 'ocid1.compartment.oc1..fns'}",
      true,
    ],
    ["ALL {resource.type = 'instance'}", false],
    ["ALL {resource.type = 'fnfunc', tag.team.value = 'ml'}", true],
  ])("%s: %s", (rule, covers) => {
    expect(ruleCovers(rule, FN)).toBe(covers);
  });
});

describe("a policy statement granting what the function needs", () => {
  it.each([
    ["Allow dynamic-group g to manage alarms in compartment id ocid1.compartment.oc1..deps", true],
    ["allow  dynamic-group G to manage alarms in tenancy", true],
    ["Allow dynamic-group g to manage all-resources in compartment id ocid1.compartment.oc1..deps", true],
    ["Allow dynamic-group g to read alarms in compartment id ocid1.compartment.oc1..deps", false],
    ["Allow dynamic-group g to manage alarms in compartment id ocid1.compartment.oc1..other", false],
    ["Allow dynamic-group other to manage alarms in tenancy", false],
    ["Allow dynamic-group g to manage alarms in compartment deployments", true],
  ])("%s: %s", (statement, granted) => {
    expect(grants(statement, "g", NEED)).toBe(granted);
  });

  it("counts data-science-family for the deployments and their work requests", () => {
    const statement = "Allow dynamic-group g to manage data-science-family in tenancy";
    expect(grants(statement, "g", { ...NEED, resource: "data-science-model-deployments" })).toBe(true);
    expect(grants(statement, "g", { ...NEED, verb: "read", resource: "data-science-work-requests" })).toBe(true);
  });
});

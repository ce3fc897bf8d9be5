import * as pulumi from "@pulumi/pulumi";

/**
 * The alias a resource needs after its component was removed: its URN as a child of the former
 * component `componentName` (of type `componentType`, a child of `parent`). A URN is
 * `urn:pulumi:<stack>::<project>::<parent types joined by $>$<type>::<name>`, so dropping a
 * component changes every child's URN; without the alias, `pulumi up` would replace the child.
 */
export function formerParent(componentName: string, componentType: string, parent: pulumi.Resource): (type: string, name: string) => pulumi.Output<string> {
  const component = pulumi.createUrn(componentName, componentType, parent);
  return (type, name) => pulumi.createUrn(name, type, component);
}

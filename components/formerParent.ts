import * as pulumi from "@pulumi/pulumi";

/** Where a resource sits: its parent, and the parent's type chain when it is known without waiting for the engine. */
export interface Placement {
  readonly parent: pulumi.Resource;
  /**
   * The parent's types joined by `$` as in its URN (`auth0kit:tenant:Auth0Tenant` for a top-level
   * tenant: the engine leaves the root stack out); undefined when only the engine knows it.
   */
  readonly parentTypes?: string;
}

/**
 * The alias a resource needs after its component was removed: its URN as a child of the former
 * component `componentName` (of type `componentType`, a child of the placement's parent). A URN
 * is `urn:pulumi:<stack>::<project>::<parent types joined by $>$<type>::<name>`, so dropping a
 * component changes every child's URN; without the alias, `pulumi up` would replace the child.
 * With the parent's types known the alias is plain text: a large tenant has thousands of these,
 * and computing each from the parent's URN output costs several outputs (and captured stacks).
 */
export function formerParent(componentName: string, componentType: string, placement: Placement): (type: string, name: string) => pulumi.Input<string> {
  if (placement.parentTypes !== undefined) {
    const prefix = `urn:pulumi:${pulumi.getStack()}::${pulumi.getProject()}::${placement.parentTypes}$${componentType}$`;
    return (type, name) => `${prefix}${type}::${name}`;
  }
  const component = pulumi.createUrn(componentName, componentType, placement.parent);
  return (type, name) => pulumi.createUrn(name, type, component);
}

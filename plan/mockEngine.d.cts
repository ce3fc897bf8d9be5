/** Types of plan/mockEngine.cjs (plain CommonJS, shared with Pulumi's runner preload). */

export interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getProtect(): boolean | undefined;
  getRetainondelete(): boolean | undefined;
  getDependenciesList(): string[];
  getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
}

export interface MockMonitor {
  registerResource(req: RegisterRequest, callback: (err: unknown, response?: { getUrn(): string }) => void): Promise<void>;
}

export declare const SECRET_PLACEHOLDER: "[secret]";
export declare function placeholder(name: string, field: string): string;
export declare function maskSecrets(value: unknown): unknown;
export declare function installMocks(options: {
  readonly project: string;
  readonly stack: string;
  readonly preview: boolean;
  readonly onRegister: (req: RegisterRequest, urn: string) => void;
}): Promise<MockMonitor>;

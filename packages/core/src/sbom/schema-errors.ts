import { childPath, pointerToPath, preview, valueAtPointer } from './json-path.js';

/** The part of an ajv error object the messages need (ajv itself is not a runtime dependency). */
export interface SchemaError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export type SchemaValidate = ((data: unknown) => boolean) & { errors?: SchemaError[] | null };

const MAX_ENUM_SHOWN = 8;

/** Renders one schema error as `packages[3].downloadLocation is required`. */
export function describeSchemaError(base: string, root: unknown, e: SchemaError): string {
  const path = pointerToPath(base, e.instancePath);
  const at = path === '' ? 'the document' : path;
  const found = (): string => preview(valueAtPointer(root, e.instancePath));
  switch (e.keyword) {
    case 'required':
      return `${childPath(path, String(e.params.missingProperty))} is required`;
    case 'additionalProperties':
      return `${childPath(path, String(e.params.additionalProperty))} is not a property the schema allows here`;
    case 'type':
      return `${at} must be ${String(e.params.type)}, found ${found()}`;
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map(String);
      const list =
        allowed.length > MAX_ENUM_SHOWN
          ? `${allowed.slice(0, MAX_ENUM_SHOWN).join(', ')}, … (${allowed.length} values)`
          : allowed.join(', ');
      return `${at} must be one of ${list}; found ${found()}`;
    }
    case 'minItems':
      return `${at} must have at least ${String(e.params.limit)} item(s)`;
    default:
      return `${at} ${e.message ?? `fails "${e.keyword}"`}`;
  }
}

// Types of the validator compiled from docs/backup.schema.json (scripts/backup-validator.ts).

/** One way a value failed the schema, as Ajv reports it. */
export interface SchemaError {
	/** JSON Pointer to the value, e.g. "/tables/cards/0/due". */
	instancePath: string;
	keyword: string;
	message?: string;
	params: Record<string, unknown>;
}

/** Whether `data` is a backup file as docs/backup.schema.json describes it. */
export declare function validate(data: unknown): boolean;
export declare namespace validate {
	let errors: SchemaError[] | null | undefined;
}
export default validate;

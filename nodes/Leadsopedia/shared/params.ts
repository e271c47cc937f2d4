import { NodeOperationError, type IDataObject, type IExecuteSingleFunctions } from 'n8n-workflow';

const EMAIL = /^[^\s@"<>()[\],;:]+@[^\s@"<>()[\],;:]+\.[^\s@"<>()[\],;:]{2,}$/;
const POSITIVE_INTEGER = /^[1-9]\d*$/;

/** Whether a text is a Leadsopedia id: a positive whole number JavaScript holds exactly. */
export const isLeadsopediaId = (text: string): boolean => POSITIVE_INTEGER.test(text) && Number.isSafeInteger(Number(text));

/**
 * Reads one input item's parameters and refuses bad input with an error naming the
 * field, before any API call is spent.
 */
export class ItemParams {
	constructor(private readonly context: IExecuteSingleFunctions) {}

	private refuse(label: string, problem: string, description?: string): never {
		throw new NodeOperationError(this.context.getNode(), `${label} ${problem}`, {
			itemIndex: this.context.getItemIndex(),
			description,
		});
	}

	/** A parameter as typed, resource locators resolved to their value. */
	value(name: string): unknown {
		return this.context.getNodeParameter(name, undefined, { extractValue: true });
	}

	/** A Leadsopedia id: a positive whole number (lists, contacts, downloads). */
	id(name: string, label: string): string {
		const value = String(this.value(name) ?? '').trim();
		if (!isLeadsopediaId(value)) {
			this.refuse(label, `must be a positive whole number, got "${value}"`);
		}
		return value;
	}

	email(name: string, label = 'Email'): string {
		const value = String(this.value(name) ?? '').trim();
		if (!EMAIL.test(value)) this.refuse(label, `"${value}" is not a valid email address`);
		return value;
	}

	text(name: string, label: string): string {
		const value = String(this.value(name) ?? '').trim();
		if (!value) this.refuse(label, 'must not be empty');
		return value;
	}

	boolean(name: string): boolean {
		return this.context.getNodeParameter(name, false) === true;
	}

	/** A collection of optional fields; `atLeastOne` refuses an empty one. */
	fields(name: string, label: string, atLeastOne = false): IDataObject {
		const value = (this.context.getNodeParameter(name, {}) ?? {}) as IDataObject;
		if (atLeastOne && Object.keys(value).length === 0) {
			this.refuse(label, 'must contain at least one field', 'Add a field to change, otherwise there is nothing to update.');
		}
		return value;
	}

	/** A whole number within bounds, for limits and page sizes. */
	count(name: string, label: string, min: number, max: number, fallback: number): number {
		const value = Number(this.context.getNodeParameter(name, fallback));
		if (!Number.isInteger(value) || value < min || value > max) {
			this.refuse(label, `must be a whole number from ${min} to ${max}, got "${value}"`);
		}
		return value;
	}
}

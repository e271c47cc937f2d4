/**
 * The API key as it is sent and as it is redacted: one string for both. A pasted key can
 * bring characters nobody sees (spaces, a line break, a non-breaking space, a zero-width
 * space or joiner, a byte-order mark). HTTP clients drop some of them from a header, so the
 * key still works; if redaction looked for the key as saved, an error echoing the key
 * would show it. So they are removed here, once, and this is the key the header carries.
 */

/** Whitespace of any kind and Unicode's invisible format characters (U+200B, U+200D, U+FEFF, …). */
const INVISIBLE = /^[\s\p{Cf}]$/u;
/** What a Leadsopedia key is made of: printable ASCII. */
const KEY_CHARACTER = /^[\x21-\x7e]$/;

export type ApiKeyReading = { key: string } | { wrongCharacter: string; position: number };

/**
 * The key without invisible characters, or the first other character a key cannot hold
 * (as U+XXXX, with its position in the key as saved, counted from 1): never the key itself.
 */
export function readApiKey(saved: string): ApiKeyReading {
	const characters = [...saved];
	const wrong = characters.findIndex((character) => !KEY_CHARACTER.test(character) && !INVISIBLE.test(character));
	if (wrong >= 0) {
		const code = characters[wrong].codePointAt(0) ?? 0;
		return { wrongCharacter: `U+${code.toString(16).toUpperCase().padStart(4, '0')}`, position: wrong + 1 };
	}
	return { key: characters.filter((character) => !INVISIBLE.test(character)).join('') };
}

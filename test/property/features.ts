/**
 * Inputs of the property test that each show one defect of issue 19 (its point number in
 * known-open.ts while open). A case draws them like any other input unless they are left out.
 */
export const FEATURES = [
	/** Create or Update with mapped fields that are null, empty or blank (point 1). */
	'blankMappedFields',
	/** A mapped text field whose value is a JSON number, such as a phone from a spreadsheet. */
	'numericMappedField',
	/** Without Continue On Fail, one of several items fails (bad input or an API 404) (point 2). */
	'itemFailsAmongOthers',
	/** Contacts deleted and added between the pages of a Return All (point 3). */
	'listChangesWhileRead',
	/** Contacts of one second in a new order on every request, read over several pages (point 3). */
	'tiesShuffled',
	/** Download File whose file host redirects to the cloud metadata address 169.254.169.254 (point 4). */
	'fileRedirectLeaves',
	/** A pasted key with an invisible character: zero-width space or joiner, no-break space, line feed (point 5). */
	'keyWithInvisibleCharacters',
	/** Two workflows at once with one key, its Base URL spelled 127.0.0.1 in one and localhost in the other (point 11). */
	'keyOnTwoHostSpellings',
	/** Timeouts typed to mean "never", beyond Node's timer: 9,999,999 s in the credential and in the node's Request Options (point 12). */
	'timeoutBeyondTimer',
	/** A proxy on another machine (an address of this one that is not loopback) in the node's Request Options, the Base URL plain http on loopback (point 13). */
	'proxyOnHttpLoopback',
	/** The Base URL typed in capitals (HTTP://, LOCALHOST): the node takes it; the credential form must not warn (point 14). */
	'baseUrlInCapitals',
	/** The API's answers trickle in over 4 s, past a Timeout of 1 s (point 9). */
	'answersTrickle',
	/** 201 answered with `{}` or `{"message": …}` (point 6). */
	'createdWithSmallBody',
	/** A rate-limit 429 whose words say "quota" (point 7). */
	'rateLimitSaysQuota',
	/** Pages whose size is not the asked one: more than asked, or fewer with `limit` echoed or null (point 8). */
	'pageSizeNotAsked',
] as const;

export type Feature = (typeof FEATURES)[number];

/**
 * Text as LaTeX prints it: every special character escaped, except simple `$math$`, which stays math
 * (what counts as simple, and how dollars pair: docs/export-formats.md#bibtex).
 */

const LATEX_ESCAPES: Readonly<Record<string, string>> = {
	'\\': '\\textbackslash{}',
	'{': '\\textbraceleft{}',
	'}': '\\textbraceright{}',
	'&': '\\&',
	'%': '\\%',
	$: '\\$',
	'#': '\\#',
	_: '\\_',
	'~': '\\textasciitilde{}',
	'^': '\\textasciicircum{}',
	'<': '\\textless{}',
	'>': '\\textgreater{}',
	'|': '\\textbar{}',
};
const LATEX_SPECIAL = /[\\{}&%$#_~^<>|]/g;

/** Argument-less math commands of plain LaTeX (no package needed). */
const MATH_COMMANDS = new Set(
	(
		'alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi pi varpi rho ' +
		'varrho sigma varsigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Upsilon Phi ' +
		'Psi Omega infty ell partial nabla hbar times cdot cdots ldots dots leq geq le ge neq ne approx sim simeq ' +
		'equiv propto pm mp to rightarrow leftarrow leftrightarrow Rightarrow Leftarrow mapsto in notin subset ' +
		'subseteq cup cap setminus emptyset forall exists neg wedge vee oplus otimes star ast circ bullet prime top ' +
		'perp mid parallel langle rangle lfloor rfloor lceil rceil log ln exp sin cos tan max min arg sup inf lim ' +
		'det dim sum prod int'
	).split(' '),
);
/** `$...$` as Pandoc pairs dollars: no space inside either dollar, no digit right after the closing one. */
const MATH_SPAN = /(?<!\$)\$(?![\s$])([^$]*?[^\s$])\$(?![\d$])/g;
const MATH_OPERATORS = new Set([...'+-=<>,.;:/!*([|)]']);
/** Operators a script may follow (closing brackets: `(a+b)^2`, `|x|^2`). */
const MATH_SCRIPTABLE_OPERATORS = new Set([...')]|']);

/**
 * Reads one math symbol at the index: a letter, a digit or a known command. Returns the index after it,
 * or -1.
 */
function mathSymbolEnd(math: string, index: number): number {
	const character = math[index];
	if (character === undefined) return -1;
	if (/[A-Za-z0-9]/.test(character)) return index + 1;
	if (character !== '\\') return -1;
	const name = /^[A-Za-z]+/.exec(math.slice(index + 1))?.[0];
	return name !== undefined && MATH_COMMANDS.has(name) ? index + 1 + name.length : -1;
}

/** Reads a script's argument: a symbol, or `{...}` of symbols, spaces and operators. Returns its end, or -1. */
function mathScriptEnd(math: string, index: number): number {
	if (math[index] !== '{') return mathSymbolEnd(math, index);
	let at = index + 1;
	let empty = true;
	while (at < math.length && math[at] !== '}') {
		const character = math[at]!;
		if (character === ' ' || MATH_OPERATORS.has(character)) {
			at += 1;
			continue;
		}
		at = mathSymbolEnd(math, at);
		if (at < 0) return -1;
		empty = false;
	}
	return at < math.length && !empty ? at + 1 : -1;
}

/** True for math that compiles in plain LaTeX whatever the preamble (docs/export-formats.md#bibtex). */
export function isSimpleMath(math: string): boolean {
	let index = 0;
	let scriptable = false;
	let superscript = false;
	let subscript = false;
	let symbols = 0;
	while (index < math.length) {
		const character = math[index]!;
		if (character === '^' || character === '_') {
			if (!scriptable || (character === '^' ? superscript : subscript)) return false;
			if (character === '^') superscript = true;
			else subscript = true;
			index = mathScriptEnd(math, index + 1);
			if (index < 0) return false;
			continue;
		}
		superscript = false;
		subscript = false;
		if (character === ' ') {
			scriptable = false;
			index += 1;
		} else if (MATH_OPERATORS.has(character)) {
			scriptable = MATH_SCRIPTABLE_OPERATORS.has(character);
			index += 1;
		} else {
			index = mathSymbolEnd(math, index);
			if (index < 0) return false;
			scriptable = true;
			symbols += 1;
		}
	}
	return symbols > 0;
}

/** Text that LaTeX prints as written: every special character escaped. */
export function escapeLatex(text: string): string {
	return text.replace(LATEX_SPECIAL, (character) => LATEX_ESCAPES[character]!);
}

/** Text with simple `$math$` kept as math and everything else escaped. */
export function escapeLatexKeepingMath(text: string): string {
	let result = '';
	let from = 0;
	for (const match of text.matchAll(MATH_SPAN)) {
		if (!isSimpleMath(match[1]!)) continue;
		result += escapeLatex(text.slice(from, match.index)) + match[0];
		from = match.index + match[0].length;
	}
	return result + escapeLatex(text.slice(from));
}

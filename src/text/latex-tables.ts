/**
 * What the LaTeX decoder (latex.ts) knows: accents, letters written as commands, escaped characters,
 * macros whose argument is shown plain, Greek letters and the common math symbols. A command not named
 * here is not decoded: the text around it stays as written.
 */

type Table = Readonly<Record<string, string>>;

/** Accents written with a symbol (`\"o`, `\"{o}`), as combining marks. */
export const SYMBOL_ACCENTS: Table = {
	'"': '\u0308',
	"'": '\u0301',
	'`': '\u0300',
	'^': '\u0302',
	'~': '\u0303',
	'=': '\u0304',
	'.': '\u0307',
};

/** Accents written with a letter; only their braced form (`\v{c}`) is read, as the search reads it. */
export const LETTER_ACCENTS: Table = {
	u: '\u0306',
	v: '\u030C',
	H: '\u030B',
	c: '\u0327',
	k: '\u0328',
	r: '\u030A',
	b: '\u0331',
	d: '\u0323',
};

/** Letters written as commands (`\ss`, `{\o}`); `\i` and `\j` are dotless, and take accents as i and j. */
export const LETTERS: Table = {
	ss: 'ß',
	o: 'ø',
	O: 'Ø',
	ae: 'æ',
	AE: 'Æ',
	oe: 'œ',
	OE: 'Œ',
	aa: 'å',
	AA: 'Å',
	l: 'ł',
	L: 'Ł',
	i: 'ı',
	j: 'ȷ',
};

/** Characters escaped with a backslash, and spacing commands, in text and math. */
export const ESCAPES: Table = {'%': '%', '&': '&', _: '_', '#': '#', $: '$', '{': '{', '}': '}', ' ': ' ', ',': ' ', ';': ' ', ':': ' ', '!': '', '-': ''};

/** Macros whose argument is shown plain (`\textbf{x}` → x): the macro goes, the braces go as any group's. */
export const ARGUMENT_MACROS = new Set([
	'textbf', 'textit', 'emph', 'texttt', 'textsc', 'textrm', 'textsf', 'textsl', 'textup', 'textnormal', 'text', 'url',
	'mathrm', 'mathbf', 'mathit', 'mathsf', 'mathtt', 'mathcal', 'mathscr', 'mathfrak', 'boldsymbol', 'bm', 'mbox', 'hbox',
]);

/** Declarations that change the font of what follows (`{\em x}`), and sizes: dropped. */
export const DECLARATIONS = new Set([
	'em', 'bf', 'it', 'sl', 'sc', 'rm', 'sf', 'tt', 'bfseries', 'itshape', 'scshape', 'slshape', 'upshape', 'mdseries', 'normalfont',
	'tiny', 'scriptsize', 'footnotesize', 'small', 'normalsize', 'large', 'Large', 'LARGE', 'huge', 'Huge', 'displaystyle', 'textstyle',
]);

/** Greek letters, in text and math (LaTeX's \epsilon and \phi are the lunate ϵ and the closed ϕ). */
const GREEK: Table = {
	alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ϵ', varepsilon: 'ε', zeta: 'ζ', eta: 'η', theta: 'θ',
	vartheta: 'ϑ', iota: 'ι', kappa: 'κ', varkappa: 'ϰ', lambda: 'λ', mu: 'μ', nu: 'ν', xi: 'ξ', omicron: 'ο', pi: 'π',
	varpi: 'ϖ', rho: 'ρ', varrho: 'ϱ', sigma: 'σ', varsigma: 'ς', tau: 'τ', upsilon: 'υ', phi: 'ϕ', varphi: 'φ', chi: 'χ',
	psi: 'ψ', omega: 'ω', Gamma: 'Γ', Delta: 'Δ', Theta: 'Θ', Lambda: 'Λ', Xi: 'Ξ', Pi: 'Π', Sigma: 'Σ', Upsilon: 'Υ',
	Phi: 'Φ', Psi: 'Ψ', Omega: 'Ω',
};

/** Symbols that stand alone (no spacing of their own). */
const ORDINARY: Table = {
	infty: '∞', ell: 'ℓ', partial: '∂', nabla: '∇', ldots: '…', dots: '…', cdots: '⋯', forall: '∀', exists: '∃',
	emptyset: '∅', varnothing: '∅', prime: '′', hbar: 'ℏ', top: '⊤', bot: '⊥', perp: '⊥', star: '⋆', ast: '∗', dagger: '†',
	sum: '∑', prod: '∏', int: '∫', langle: '⟨', rangle: '⟩', neg: '¬', '|': '‖',
};

/** Binary operators and relations: spaced on both sides when either side has a space in the source. */
export const OPERATORS: Table = {
	times: '×', leq: '≤', le: '≤', geq: '≥', ge: '≥', approx: '≈', sim: '∼', simeq: '≃', pm: '±', mp: '∓', to: '→',
	rightarrow: '→', leftarrow: '←', gets: '←', Rightarrow: '⇒', Leftarrow: '⇐', leftrightarrow: '↔', Leftrightarrow: '⇔',
	mapsto: '↦', cdot: '·', mid: '∣', neq: '≠', ne: '≠', in: '∈', notin: '∉', subset: '⊂', subseteq: '⊆', supset: '⊃',
	supseteq: '⊇', cup: '∪', cap: '∩', equiv: '≡', propto: '∝', ll: '≪', gg: '≫', div: '÷', circ: '∘', otimes: '⊗',
	oplus: '⊕', setminus: '∖', wedge: '∧', vee: '∨', lesssim: '≲', gtrsim: '≳', coloneqq: '≔',
};

/** Symbols and names shown in text as in math. */
export const SYMBOLS: Table = {...GREEK, ...ORDINARY, textendash: '–', textemdash: '—', LaTeX: 'LaTeX', TeX: 'TeX'};

/** Function names set upright in math (`\log n` → log n). */
export const FUNCTION_NAMES = new Set(['log', 'ln', 'lg', 'exp', 'sin', 'cos', 'tan', 'max', 'min', 'arg', 'argmax', 'argmin', 'det', 'dim', 'lim', 'sup', 'inf', 'deg', 'gcd', 'Pr']);

/** `\mathbb{R}` and its kin: the number sets. */
export const BLACKBOARD: Table = {R: 'ℝ', N: 'ℕ', Z: 'ℤ', Q: 'ℚ', C: 'ℂ', P: 'ℙ', H: 'ℍ', E: '𝔼'};

/** Superscript and subscript forms: digits and signs only (letters have too few, and fonts show them badly). */
export const SUPERSCRIPTS: Table = {0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹', '+': '⁺', '-': '⁻', '=': '⁼', '(': '⁽', ')': '⁾'};
export const SUBSCRIPTS: Table = {0: '₀', 1: '₁', 2: '₂', 3: '₃', 4: '₄', 5: '₅', 6: '₆', 7: '₇', 8: '₈', 9: '₉', '+': '₊', '-': '₋', '=': '₌', '(': '₍', ')': '₎'};

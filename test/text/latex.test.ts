import {fc, test} from '@fast-check/vitest';
import {describe, expect, it} from 'vitest';
import {decodeLatex} from '../../src/text/latex.js';
import {decodeLatexLetters} from '../../src/text/latex-letters.js';
import {UNSAFE_CHARACTER} from '../../src/text/sanitize.js';

const raw = String.raw;

describe('decodeLatex', () => {
	it.each([
		// Accents, in every spelling.
		[raw`Schr\"{o}dinger`, 'Schrödinger'],
		[raw`Schr\"odinger`, 'Schrödinger'],
		[raw`K{\"a}hler`, 'Kähler'],
		[raw`K{\" a}hler`, 'Kähler'],
		[raw`Erd\H{o}s`, 'Erdős'],
		[raw`\'ecole \`a \^ot\'e`, 'école à ôté'],
		[raw`Espa\~na, \=a, \.zaba`, 'España, ā, żaba'],
		[raw`\u{g} \v{c} \v{S} \c{c} \k{a} \r{a} \b{b} \d{d}`, 'ğ č Š ç ą å ḇ ḍ'],
		[raw`Ni\~{n}o, Mu\"{\i}, na\"{\i}ve, \'\i`, 'Niño, Muï, naïve, í'],
		[raw`\"{ O }ber \"U`, 'Öber Ü'],
		// Letters written as commands; a command name ends at the spaces after it.
		[raw`Stra\ss e, {\o}re, \O, \ae, \AE, \oe, \OE, \aa, \AA, \l\'od\'z, \L{}\'od\'z, {\i}, \j{}`, 'Straße, øre, Ø, æ, Æ, œ, Œ, å, Å, łódź, Łódź, ı, ȷ'],
		// Escaped characters.
		[raw`100\% of R\&D on \_under \#1, \$5 and \{braces\}`, '100% of R&D on _under #1, $5 and {braces}'],
		[raw`10\,GeV, a\ b, hy\-phen`, '10 GeV, a b, hyphen'],
		// Macros whose argument is shown plain, and declarations.
		[raw`\textbf{x} \textit{x} \emph{x} \texttt{x} \textsc{x} \textrm{x} \textsf{x} \text{x}`, 'x x x x x x x x'],
		[raw`\mathrm{x} \mathbf{x} \mathcal{x} \url{https://a.org/b_c}`, 'x x x https://a.org/b_c'],
		[raw`{\em Optimal} {\bf bold} {\it italic} {\sc Caps} {\scriptsize F}Laws`, 'Optimal bold italic Caps FLaws'],
		[raw`\emph{Schr\"{o}dinger {\bf bridges}}`, 'Schrödinger bridges'],
		// Braces that only group go.
		[raw`{BERT}: {G}aussian {{nested}}`, 'BERT: Gaussian nested'],
		// Greek letters and symbols, in text and math.
		[raw`\alpha \beta \gamma \delta \epsilon \varepsilon \zeta \eta \theta \vartheta \iota \kappa \lambda \mu`, 'α β γ δ ϵ ε ζ η θ ϑ ι κ λ μ'],
		[raw`\nu \xi \pi \rho \sigma \tau \upsilon \phi \varphi \chi \psi \omega`, 'ν ξ π ρ σ τ υ ϕ φ χ ψ ω'],
		[raw`$\Gamma \Delta \Theta \Lambda \Xi \Pi \Sigma \Upsilon \Phi \Psi \Omega$`, 'Γ Δ Θ Λ Ξ Π Σ Υ Φ Ψ Ω'],
		[raw`$\alpha$-divergence`, 'α-divergence'],
		[raw`$a \times b$, $x \leq y$, $x\geq 2$, $x \approx y$, $X \sim P$, $\pm 1$`, 'a × b, x ≤ y, x ≥ 2, x ≈ y, X ∼ P, ± 1'],
		[raw`$n \to \infty$, $x \rightarrow y$, $a\cdot{}b$, $\ell_1$, $a \mid b$, $a \neq b$, $x \in X$`, 'n → ∞, x → y, a·b, ℓ₁, a ∣ b, a ≠ b, x ∈ X'],
		[raw`$1, \ldots, n$ and $\dots$; text \ldots too`, '1, …, n and …; text … too'],
		[raw`$O(n \log n)$, $\mathbb{R}^N$, $\left(x\right)$`, 'O(n log n), ℝ^N, (x)'],
		// Scripts: digits and signs as super- and subscripts, one character as written.
		[raw`$n^2$, $x^{2}$, $\epsilon^{-1}$, $x_{i}$, $p_T$, $D_\alpha$, $f^\prime$, $\pi^{0}$, $H_2O$`, 'n², x², ϵ⁻¹, x_i, p_T, D_α, f′, π⁰, H₂O'],
		[raw`$\mathcal{O}(n^2)$ time`, 'O(n²) time'],
		// Other math delimiters.
		[raw`\(\alpha\) and \[x^2\] and $$y_1$$`, 'α and x² and y₁'],
		[raw`When $k < n$ Heads Aren't Enough`, "When k < n Heads Aren't Enough"],
		// Ties: a space between words, not elsewhere.
		['et~al. and Fig.~2', 'et al. and Fig. 2'],
		['about ~10% (~5x), a ~ b, see https://a.org/~user/x~y', 'about ~10% (~5x), a ~ b, see https://a.org/~user/x~y'],
		['https://a.org/x~y then et~al. x~y~z', 'https://a.org/x~y then et al. x y z'],
	])('%s', (input, expected) => {
		expect(decodeLatex(input)).toBe(expected);
	});

	it.each([
		// Math that cannot be shown stays as written, its delimiters included.
		raw`$\frac{a}{b}$`,
		raw`$\sqrt{s_{NN}}=200$`,
		raw`$\sum_i m_i\delta_{x_i}$`,
		raw`$\min \int_{\mathbb{R}^N}f(u,\nabla u)$`,
		raw`$x_{ij}$`,
		raw`$a & b$`,
		raw`\(\frac12\)`,
		raw`$$\frac{1}{2}$$`,
		// Unknown macros stay, with their braced arguments.
		raw`see \cite{smith2020} and \href{https://a.org}{here}`,
		raw`\foo \newline \\ \| \@`,
		// Accents that are not accents.
		raw`\"1 \'{} \v s \c c`,
		// Dollars that are not math: prices, a lone dollar, one before a space.
		'$5 and $10',
		'costs $ 5$',
		'just $',
		// Unpaired braces, dashes and TeX quotes.
		'a { b',
		'a } b',
		"--flag, pages 1--2, a---b, ``quoted''",
	])('keeps %s as written', (input) => {
		expect(decodeLatex(input)).toBe(input);
	});

	it('reads the math after a price as math', () => {
		expect(decodeLatex(raw`costs $5, or $\alpha$`)).toBe('costs $5, or α');
	});

	it('returns text without markup as it is', () => {
		const text = 'Attention Is All You Need: 100% of "quotes" & <tags> -- Ünïcödé';
		expect(decodeLatex(text)).toBe(text);
	});

	it('decodes hostile input in linear time (quadratic time would take minutes)', () => {
		const megabyte = 1 << 20;
		const inputs = [
			'\\\\{{{{'.repeat(megabyte / 6),
			'{'.repeat(megabyte / 2) + '}'.repeat(megabyte / 2),
			'$a '.repeat(megabyte / 3),
			'\\(a'.repeat(megabyte / 3),
			'\\"'.repeat(megabyte / 2),
			`$${'^{'.repeat(megabyte / 4)}${'}'.repeat(megabyte / 4)}$`,
			'a~'.repeat(megabyte / 2),
			'\\foo{'.repeat(megabyte / 5),
			'\\'.repeat(megabyte),
		];
		for (const input of inputs) {
			const started = performance.now();
			decodeLatex(input);
			decodeLatexLetters(input);
			expect(performance.now() - started).toBeLessThan(5000);
		}
	});
});

describe('decodeLatexLetters', () => {
	it('decodes accents and letters written as commands, and nothing else', () => {
		expect(decodeLatexLetters(raw`Schr\"{o}dinger K{\"a}hler Stra\ss e {\o}`)).toBe('Schrödinger K{ä}hler Straße {ø}');
		expect(decodeLatexLetters(raw`$\alpha$-divergence \textbf{x} \% {\em a}`)).toBe(raw`$\alpha$-divergence \textbf{x} \% {\em a}`);
	});

	it('decodes the accents decodeLatex decodes, the same way', () => {
		for (const text of [raw`Schr\"{o}dinger`, raw`K{\"a}hler`, raw`Erd\H{o}s`, raw`\'{\i}`, raw`Stra\ss e`, raw`\v{c}`]) {
			expect(decodeLatex(decodeLatexLetters(text))).toBe(decodeLatex(text));
		}
	});
});

/** Pieces of LaTeX whose decoded form has no markup character left, and plain words. */
const piece = fc.constantFrom(
	raw`\"{o}`, raw`{\"a}`, raw`\'e`, raw`\ss`, raw`\emph{word}`, raw`{\em word}`, raw`$\alpha$`, raw`$x^2$`, raw`$\frac{a}{b}$`,
	raw`\%`, raw`\&`, '{BERT}', 'et~al.', ' ', 'word', 'Schr', '-', ':',
);
/** Text made of any characters, LaTeX's special ones often. */
const latexish = fc.string({unit: fc.oneof(fc.constantFrom(...'\\${}~^_&#%"\'`=.()[] aoi'), fc.string({unit: 'binary', maxLength: 1}))});

describe('decodeLatex properties', () => {
	test.prop([fc.array(piece, {maxLength: 20}).map((pieces) => pieces.join(''))])('is idempotent on what it decodes', (text) => {
		const decoded = decodeLatex(text);
		expect(decodeLatex(decoded)).toBe(decoded);
	});

	test.prop([latexish])('never throws, and adds no control character', (text) => {
		const decoded = decodeLatex(text);
		if (!UNSAFE_CHARACTER.test(text)) expect(decoded).not.toMatch(UNSAFE_CHARACTER);
		expect(() => decodeLatexLetters(text)).not.toThrow();
	});

	test.prop([fc.string({unit: 'binary'}).map((text) => text.replace(/[\\${}~]/g, ''))])('leaves text without \\ $ { } ~ unchanged', (text) => {
		expect(decodeLatex(text)).toBe(text);
		expect(decodeLatexLetters(text)).toBe(text);
	});
});

describe('math a page shows without its backslashes', () => {
	it.each([
		['R^{n times n} and min{n_1,n_2}', 'R^{n times n} and min{n_1,n_2}'],
		['risk of mathcal{O}(d^{k}) samples', 'risk of mathcal{O}(d^{k}) samples'],
		['a {BERT} model', 'a BERT model'],
	])('%s', (input, output) => {
		expect(decodeLatex(input)).toBe(output);
	});
});

describe('declarations a page shows without their backslash', () => {
	it('reads "{it misaligned}" as "misaligned"', () => {
		expect(decodeLatex('loss can be {it misaligned} with {em finite sample} and {bf bold}')).toBe('loss can be misaligned with finite sample and bold');
		expect(decodeLatex('a set {item one}')).toBe('a set item one');
	});
});

import {describe, expect, it} from 'vitest';
import {buildFeatures, FeatureBuilder, RECIPE_FEATURES, type FeatureSettings} from '../../src/triage/features.js';
import {documentText, terms, words} from '../../src/triage/tokens.js';

const paper = (title: string, abstract = '', authors: string[] = []) => ({title, abstract, authors});
/** Every term kept: the vocabulary bounds out of the way. */
const ALL: FeatureSettings = {...RECIPE_FEATURES, minDf: 1, maxDf: 1};

describe('words', () => {
	// The expected words are what scikit-learn 1.9.1's analyzer gives for the same text.
	it('follows scikit-learn: two or more characters starting with a letter or _, lower case, stop words dropped', () => {
		expect(words('The Transformer is ALL you need: x2 2x a GPT-4o_mini')).toEqual(['transformer', 'need', 'x2', 'gpt']);
	});
	it('strips accents and drops words glued to other scripts as Python\'s \\b does', () => {
		expect(words('Schrödinger café naïve')).toEqual(['schrodinger', 'cafe', 'naive']);
		expect(words('xα and βy')).toEqual([]);
	});
	it('stems when asked', () => {
		expect(words('learning networks', true)).toEqual(['learn', 'network']);
	});
	it('makes bigrams of neighbouring words once stop words are gone', () => {
		expect(terms('deep networks for the robots', {stem: false, bigrams: true})).toEqual(['deep', 'networks', 'robots', 'deep networks', 'networks robots']);
	});
	it('writes the title as many times as asked, then the abstract and the authors', () => {
		expect(documentText(paper('T', 'A', ['Ann Lee', 'Bo']), {decodeLatex: false, titleRepeat: 2})).toBe('T T A Ann Lee Bo');
		expect(documentText(paper('$\\alpha$-nets', 'x'), {decodeLatex: true, titleRepeat: 1})).toBe('α-nets x ');
	});
});

describe('tf-idf', () => {
	it('weighs a tiny corpus as worked out by hand (sublinear tf, smooth idf, l2)', () => {
		const features = buildFeatures([paper('apple banana'), paper('apple cherry cherry'), paper('banana')], {...ALL, bigrams: false});
		expect(features.terms).toEqual(['apple', 'banana', 'cherry']);
		// idf(apple) = ln(4/3) + 1, idf(cherry) = ln(4/2) + 1; cherry's tf 2 counts 1 + ln 2.
		const apple = Math.log(4 / 3) + 1;
		const cherry = (1 + Math.log(2)) * (Math.log(2) + 1);
		const norm = Math.hypot(apple, cherry);
		expect([...features.rows[1]!.indices]).toEqual([0, 2]);
		expect(features.rows[1]!.values[0]).toBeCloseTo(apple / norm, 12);
		expect(features.rows[1]!.values[1]).toBeCloseTo(cherry / norm, 12);
		expect(features.rows[1]!.values[0]).toBeCloseTo(0.4097416099937816, 12); // scikit-learn 1.9.1's figure
		expect([...features.rows[0]!.values]).toEqual([Math.SQRT1_2, Math.SQRT1_2].map((value) => expect.closeTo(value, 12)));
		expect([...features.rows[2]!.values]).toEqual([1]);
	});
	it("matches scikit-learn's TfidfVectorizer with the recipe's analyzer on a small corpus", () => {
		const features = buildFeatures([paper('The Café of neural networks: x1 2b deep_net'), paper('Neural networks for the robots'), paper('Robots and the café')], ALL);
		expect(features.terms).toEqual(['cafe', 'cafe neural', 'deep_net', 'networks', 'networks robots', 'networks x1', 'neural', 'neural networks', 'robots', 'robots cafe', 'x1', 'x1 deep_net']);
		const dense = features.rows.map((row) => {
			const out = new Array<number>(features.terms.length).fill(0);
			row.indices.forEach((term, k) => (out[term] = Number(row.values[k]!.toFixed(6))));
			return out;
		});
		expect(dense).toEqual([
			[0.281221, 0.369772, 0.369772, 0.281221, 0, 0.369772, 0.281221, 0.281221, 0, 0, 0.369772, 0.369772],
			[0, 0, 0, 0.417796, 0.549351, 0, 0.417796, 0.417796, 0.417796, 0, 0, 0],
			[0.517856, 0, 0, 0, 0, 0, 0, 0, 0.517856, 0.680919, 0, 0],
		]);
	});
	it('drops terms outside min_df and max_df, then keeps the max_features most frequent', () => {
		const papers = [paper('alpha beta'), paper('alpha gamma'), paper('alpha beta delta'), paper('epsilon')];
		expect(buildFeatures(papers, {...ALL, bigrams: false, minDf: 2}).terms).toEqual(['alpha', 'beta']);
		expect(buildFeatures(papers, {...ALL, bigrams: false, maxDf: 0.5}).terms).toEqual(['beta', 'delta', 'epsilon', 'gamma']);
		expect(buildFeatures(papers, {...ALL, bigrams: false, maxFeatures: 2}).terms).toEqual(['alpha', 'beta']);
	});
	it('gives the same features built in slices as at once', () => {
		const papers = Array.from({length: 23}, (_, i) => paper(`paper ${'abcdefg'[i % 7]}x about topic${i % 3}`, `words w${i % 5} and w${i % 4}`));
		const builder = new FeatureBuilder(papers, ALL);
		while (!builder.add(4));
		expect(builder.finish()).toEqual(buildFeatures(papers, ALL));
	});
});

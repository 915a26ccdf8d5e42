import {describe, expect, it} from 'vitest';
import {paperId} from '../../src/listing/paper.js';

/**
 * Titles of the fixtures (and a few more, with accents, full-width letters and other scripts) with the
 * ids they had before titles were read for LaTeX accents: marks stored under these ids keep working.
 */
const PLAIN_IDS: ReadonlyArray<readonly [string, string]> = [
	['Global Convergence of Sub-gradient Method for Robust Matrix Recovery: Small Initialization, Noisy Measurements, and Over-parameterization', 'bcbeed42d217'],
	['High-dimensional dynamics of generalization error in neural networks', '6910afc10019'],
	['The Universality Lens: Why Even Highly Over-Parametrized Models Learn Well', 'b320acd508bd'],
	['Transformers as Support Vector Machines', '4c61070aa562'],
	['Fantastic Generalization Measures are Nowhere to be Found', '29acf482e467'],
	['How Over-Parameterization Slows Down Gradient Descent in Matrix Sensing: The Curses of Symmetry and Initialization', 'ef1b9906c556'],
	['Feature Learning in Infinite-Width Neural Networks', '29ba01ce4417'],
	['Go Wider Instead of Deeper', 'c8070a1ff545'],
	['Benign Overfitting and Grokking in ReLU Networks for XOR Cluster Data', 'e237947f6ef1'],
	['Pre-training under infinite compute', '2abbcf05d417'],
	['Measuring the Intrinsic Dimension of Objective Landscapes', '24b0b21915f3'],
	['Sharpness-Aware Training for Free', '9fc89c729d51'],
	['Promoting Efficient Reasoning with Verifiable Stepwise Reward', 'd1b35e80781f'],
	['Improving Post Training Neural Quantization: Layer-wise Calibration and Integer Programming', '23c06c0f3ece'],
	['Predictable Scale: Part I -- Optimal Hyperparameter Scaling Law in Large Language Model Pretraining', 'd21bbb8884de'],
	['Deep Learning on a Data Diet: Finding Important Examples Early in Training', '1cbe898f25e1'],
	['On the Provable Advantage of Unsupervised Pretraining', 'fccd28b3468b'],
	['On the Generalization Mystery in Deep Learning', 'e46168383d7e'],
	['Incorporating Surrogate Gradient Norm to Improve Offline Optimization Techniques', 'ce4e8fdadf89'],
	['More is Better in Modern Machine Learning: when Infinite Overparameterization is Optimal and Overfitting is Obligatory', '19d99a57709d'],
	['Knowledge Overshadowing Causes Amalgamated Hallucination in Large Language Models', '64576475b0cc'],
	['Does Learning Require Memorization? A Short Tale about a Long Tail', '2dab12010b01'],
	['An adaptively inexact first-order method for bilevel optimization with application to hyperparameter learning', 'b1c615843e02'],
	['MOSSBench: Is Your Multimodal Language Model Oversensitive to Safe Queries?', 'b3c11ee01a33'],
	['Symbolic Synthesis of Neural Networks', 'bb8eee1908d9'],
	['Beyond ell_1 sparse coding in V1', '858502e7296d'],
	['Learning to Relax: Setting Solver Parameters Across a Sequence of Linear System Instances', 'c30174c0e24d'],
	['H4G: Unlocking Faithful Inference for Zero-Shot Graph Learning in Hyperbolic Space', 'd13f830cface'],
	['Language models scale reliably with over-training and on downstream tasks', '46291856b3bb'],
	['Empirical Analysis of the Hessian of Over-Parametrized Neural Networks', 'd82719b8a641'],
	['The Law of Knowledge Overshadowing: Towards Understanding, Predicting, and Preventing LLM Hallucination', '3c246d7e4302'],
	['GLAD: Generalizable Tuning for Vision-Language Models', 'cab9f65b4d04'],
	['Understanding prompt engineering may not require rethinking generalization', '75c76670b106'],
	['Weight Compander: A Simple Weight Reparameterization for Regularization', '2130705504d0'],
	['Compressing Features for Learning with Noisy Labels', 'b73f1b93cf7e'],
	['Sharper Bounds for ell_p Sensitivity Sampling', '070842f6f819'],
	['OVERT: A Benchmark for Over-Refusal Evaluation on Text-to-Image Models', 'a5811a08abdd'],
	['Foundation Model-oriented Robustness: Robust Image Model Evaluation with Pretrained Models', '099a686d3366'],
	['Upsample or Upweight? Balanced Training on Heavily Imbalanced Datasets', 'e54712b6b660'],
	['Rich Feature Construction for the Optimization-Generalization Dilemma', 'cde89b9e113a'],
	['Learning Hierarchical Polynomials with Three-Layer Neural Networks', '33ce2065355c'],
	['PAC Generalization via Invariant Representations', '0f233375af73'],
	['PELA: Learning Parameter-Efficient Models with Low-Rank Approximation', '2d20be5bcac4'],
	['Towards Exact Computation of Inductive Bias', 'e5387e03953d'],
	['Intrinsic Dimensionality Explains the Effectiveness of Language Model Fine-Tuning', '6ead9625ade6'],
	['Specializing Smaller Language Models towards Multi-Step Reasoning', 'c9437155eb9a'],
	['One-connection rule for structural equation models', '132f724b7f4c'],
	['Arbitrary Few Parameters are Good Enough for Adapting Large-scale Pre-trained Language Models', '6902fa3b9c40'],
	['MATH-Beyond: A Benchmark for RL to Expand Beyond the Base Model', '97a730c4cc90'],
	['The Danger of Overthinking: Examining the Reasoning-Action Dilemma in Agentic Tasks', '6814ac6489c1'],
	['Inference Scaling scriptsizeFLaws: The Limits of LLM Resampling with Imperfect Verifiers', '533a5a167b08'],
	['Confronting Reward Model Overoptimization with Constrained RLHF', '730bb12e824d'],
	['Beyond Outliers: A Study of Optimizers Under Quantization', 'd0454346e8f9'],
	['Rethinking Fine-Tuning when Scaling Test-Time Compute: Limiting Confidence Improves Mathematical Reasoning', 'edfa34ba9c5e'],
	['Linguistic Collapse: Neural Collapse in (Large) Language Models', 'b5f4c328300b'],
	['OpenELM: An Efficient Language Model Family with Open-source Training and Inference Framework', '7532ece842e8'],
	['Enhanced OoD Detection through Cross-Modal Alignment of Multi-Modal Representations', '879ec688dc04'],
	['Optimal Sparsity of Mixture-of-Experts Language Models for Reasoning Tasks', '0ee06fb9ff14'],
	['Less is More: Local Intrinsic Dimensions of Contextual Language Models', '789abc3650ec'],
	['MetaAug: Meta-Data Augmentation for Post-Training Quantization', 'a5f127895939'],
	['Fantastic Pretraining Optimizers and Where to Find Them', '823f652732dd'],
	['Self-Tuning Networks: Bilevel Optimization of Hyperparameters using Structured Best-Response Functions', 'c80fe0294bfd'],
	['Training the Untrainable: Introducing Inductive Bias via Representational Alignment', '2da411004b7a'],
	['Breaking the Memory Barrier: Near Infinite Batch Size Scaling for Contrastive Loss', '4c9c0c57f6bd'],
	['Can Knowledge Editing Really Correct Hallucinations?', '01ff22c7a7c0'],
	['LOGO -- Long cOntext aliGnment via efficient preference Optimization', '21bdac8a0098'],
	['Unleashing Reasoning Capability of LLMs via Scalable Question Synthesis from Scratch', '1e3e3e0fbc3e'],
	['Quantum information science and complex quantum systems', '9407ac164a4f'],
	['Comment: The 2005 Neyman Lecture: Dynamic Indeterminism in Science', 'a5be55210de9'],
	['On coincidence of Alday-Maldacena-regularized $σ$-model and Nambu-Goto areas of minimal surfaces', '2c6041111232'],
	['Measurement of Transverse Single Spin Asymmetries', '9e89bc091c48'],
	['Recent Top quark results from the Tevatron', '7b73ae022339'],
	['New Perspective on Hybrid Mesons', '0ed535454ea4'],
	['Mass concentration in rescaled first order integral functionals', '2986d2581696'],
	['Straße Models', 'b79f2ba52509'],
	['Schrödinger Bridges', '6ac174fff98a'],
	['Kähler Manifolds and Ricci Flow', 'ac267a3fef2a'],
	['Ａｔｔｅｎｔｉｏｎ Is All You Need', '37f63852cdfb'],
	['Über die Ærodynamik — ein Überblick', 'a00d23366785'],
	['alpha-Divergences for Variational Inference', '42f6d6a60577'],
	['Schr"odinger Bridges', '65ddacdccd3b'],
	['GPT-4o: An {LLM} for Everything', '193d0eac1661'],
	['Ψ-Nets: 東京 and Ωmega', 'c2115534a34e'],
];

/** Titles with LaTeX other than accents, and their ids from before: unchanged too. */
const LATEX_IDS: ReadonlyArray<readonly [string, string]> = [
	[String.raw`$\alpha$-Divergences for Variational Inference`, '42f6d6a60577'],
	[String.raw`Inference Scaling $\scriptsize{F}$Laws`, '196fda109f6b'],
	[String.raw`\textbf{Bold} Claims about $\mathcal{O}(n^2)$ Attention`, '272a0af37964'],
	[String.raw`A 100\% Solution: $k \leq n$ Heads`, '9f8dcdd5d689'],
];
describe('paper ids', () => {
	it.each(PLAIN_IDS)('of a plain title stay as they were: %s', (title, id) => {
		expect(paperId(title)).toBe(id);
	});

	it.each(LATEX_IDS)('of a title with LaTeX other than accents stay as they were: %s', (title, id) => {
		expect(paperId(title)).toBe(id);
	});

	it.each([
		[String.raw`Schr\"{o}dinger bridges`, 'Schrödinger bridges'],
		[String.raw`Schr\"odinger bridges`, 'Schrödinger bridges'],
		[String.raw`Schr{\"o}dinger bridges`, 'Schrödinger bridges'],
		[String.raw`K{\"a}hler manifolds`, 'Kähler manifolds'],
		[String.raw`K\"{a}hler manifolds`, 'Kähler manifolds'],
		[String.raw`Erd\H{o}s and R\'enyi`, 'Erdős and Rényi'],
		[String.raw`Stra\ss e models`, 'Straße models'],
		[String.raw`{\O}rsted and {\AA}ngstr\"{o}m`, 'Ørsted and Ångström'],
		[String.raw`Na\"{\i}ve \v{C}ech complexes`, 'Naïve Čech complexes'],
	])('are the same for %s (an arXiv feed) and %s (the page)', (latex, plain) => {
		expect(paperId(latex)).toBe(paperId(plain));
	});

	it('are the same for math titles with their markup kept (arXiv) or dropped (the Hugging Face page)', () => {
		expect(paperId(String.raw`$\alpha$-divergence`)).toBe(paperId('alpha-divergence'));
		expect(paperId(String.raw`Inference Scaling $\scriptsize{F}$Laws`)).toBe(paperId('Inference Scaling scriptsizeFLaws'));
		expect(paperId(String.raw`Schr\"{o}dinger Bridges & {\em Optimal} Transport: $\alpha$-Divergences`)).toBe(paperId('Schrödinger Bridges & em Optimal Transport: alpha-Divergences'));
	});

	it('differ where the accents differ', () => {
		expect(paperId(String.raw`Schr\"{o}dinger`)).not.toBe(paperId('Schrodinger'));
		expect(paperId("\\'{e}t\\'{e}")).not.toBe(paperId('\\`{e}t\\`{e}'));
	});
});

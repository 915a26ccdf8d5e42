// "For you" triage: tf-idf features, a linear SVM, the ranking.
export {buildFeatures, FeatureBuilder, RECIPE_FEATURES, type FeatureSettings, type Features, type SparseMatrix, type SparseRow} from './features.js';
export {documentText, terms, words, type TriagePaper} from './tokens.js';
export {balancedCosts, decision, packRows, trainLinearSvm, type LinearModel} from './svm.js';
export {centroidOf, PAPERS, rankForYou, RECIPE, type ForYou, type RankOptions, type RankSettings} from './rank.js';
export {byScore, FeatureJob, forYouOrder, markedIndices, rankPapers, similarTo, type Ranking, type TriageFlags} from './for-you.js';

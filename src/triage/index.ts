// "For you" triage: tf-idf features, a linear SVM, the ranking.
export {buildFeatures, documentText, FeatureBuilder, RECIPE_FEATURES, terms, words, type FeatureSettings, type Features, type SparseMatrix, type SparseRow, type TriagePaper} from './features.js';
export {balancedCosts, decision, packRows, trainLinearSvm, type LinearModel} from './svm.js';
export {centroidOf, PAPERS, rankForYou, RECIPE, type ForYou, type RankOptions, type RankSettings} from './rank.js';
export {byScore, FeatureJob, forYouOrder, markedIndices, rankPapers, similarTo, type Ranking, type TriageFlags} from './for-you.js';

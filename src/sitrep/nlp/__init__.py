"""Text basics shared by every stage: sentences, number words, lexicon loading."""

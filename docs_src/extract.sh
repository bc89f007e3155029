# The whole pipeline on the shipped example, printed for a person (no store).
dateline extract examples/2025-03-14-trump-putin-kursk.txt

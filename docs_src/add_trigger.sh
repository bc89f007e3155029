# 1. Score the development gold and keep every prediction (texts are read from ../shared).
dateline eval records eval/records/dev --save base.jsonl
# 2. Add a trigger word: "touted" in "Phillips also touted the recent approval of two major
#    pipeline projects" is SUPPORT in the PLOVER manual (praise, endorse) and the lexicon lacks it.
echo 'tout,verb,SUPPORT,,0.8,"touted the approval of two pipelines (PLOVER SUPPORT: praise)"' \
    >> src/dateline/data/triggers-v1.csv
# 3. Score again and list every prediction that changed since step 1.
dateline eval records eval/records/dev --diff base.jsonl

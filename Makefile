# Two commands for a fresh machine: `make demo` and `make test`. Both build .venv first.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: install demo test lint train-ner eval-ner evaluate coverage bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $(STAMP)

demo: install
	$(BIN)/hadath demo

test: install
	bash scripts/test.sh

lint: install
	$(BIN)/ruff check src tests benchmarks scripts

train-ner: install
	$(BIN)/python -m hadath.ner.train

eval-ner: install
	$(BIN)/python -m hadath.ner.evaluate

evaluate: install
	$(BIN)/hadath extract ../shared/samples > /tmp/hadath-samples.jsonl
	$(BIN)/hadath evaluate ../shared/samples/gold /tmp/hadath-samples.jsonl
	$(BIN)/hadath extract ../shared/data/news_dev/input.jsonl > /tmp/hadath-news_dev.jsonl
	$(BIN)/hadath evaluate ../shared/data/news_dev/gold /tmp/hadath-news_dev.jsonl
	$(BIN)/hadath extract ../shared/data/news_dev2/input.jsonl > /tmp/hadath-news_dev2.jsonl
	$(BIN)/hadath evaluate ../shared/data/news_dev2/gold /tmp/hadath-news_dev2.jsonl
	$(BIN)/hadath extract ../shared/data/cameo_challenge/input.jsonl > /tmp/hadath-cameo_challenge.jsonl
	$(BIN)/hadath evaluate ../shared/data/cameo_challenge/gold /tmp/hadath-cameo_challenge.jsonl
	$(BIN)/hadath extract ../shared/data/up_arabic_gsr_dev/input.jsonl > /tmp/hadath-up.jsonl
	$(BIN)/hadath evaluate ../shared/data/up_arabic_gsr_dev/gold /tmp/hadath-up.jsonl
	$(BIN)/python -m hadath.events.coverage

coverage: install
	$(BIN)/python -m hadath.events.coverage --codes

clean:
	rm -rf $(VENV) build *.egg-info

# The Assistant's schema, managed from Maven. `make` (or `make help`) lists the targets.
#
# Every migration target runs with local=true, so the defaults reach the developer database on this machine
# (postgresql://temporal:****@localhost:5432/the_assistant); set DATABASE_URL or .env to use another one.

MVN ?= ./mvnw
MVN_FLAGS ?= -B -ntp
LOCAL ?= true
PLUGIN := assistant-migrate
GOAL = $(MVN) $(MVN_FLAGS) --non-recursive -Dassistant.local=$(LOCAL)
# Over a fleet: FLEET=<file of URLs, one per line> for migrate, migration-status, migration-check and
# migration-downgrade, with PARALLEL=<n> (default 4) and FAIL_FAST=true when wanted.
FLEET_FLAGS = $(if $(FLEET),-Dassistant.urlsFile="$(abspath $(FLEET))") \
	$(if $(PARALLEL),-Dassistant.parallel=$(PARALLEL)) $(if $(FAIL_FAST),-Dassistant.failFast=$(FAIL_FAST))

# `make migrate` and friends rebuild the plugin and the model only when their sources changed since the last build.
BUILD_STAMP := target/make-build.stamp
CLI_JAR = $(firstword $(wildcard $(CURDIR)/assistant-migrate-cli/target/assistant-migrate-cli-*.jar))
BUILD_INPUTS := $(shell find . -name pom.xml -not -path '*/target/*' -not -path './.git/*' 2>/dev/null) \
	$(shell find . -path '*/src/main/*' -type f -not -path '*/target/*' -not -path './.git/*' 2>/dev/null)

.DEFAULT_GOAL := help
BENCH_FLAGS ?=
ATTACK_FLAGS ?=

# Say what is missing before building anything.
ifneq ($(filter migration,$(MAKECMDGOALS)),)
ifndef MESSAGE
$(error Say what the migration does: make migration MESSAGE="add user timezone")
endif
endif
ifneq ($(filter migration-downgrade,$(MAKECMDGOALS)),)
ifndef TARGET
$(error Say how far back: make migration-downgrade TARGET=-1 (or a version, or base))
endif
endif

ifneq ($(filter migration-baseline,$(MAKECMDGOALS)),)
ifeq ($(MESSAGE)$(VERSION),)
$(error Say how to adopt the database: make migration-baseline MESSAGE="adopt existing schema" (or VERSION=<version>))
endif
endif

# The tests' server: ASSISTANT_TEST_DATABASE_URL when set, else the one db-up brings up and provisions.
TEST_DATABASE := $(if $(ASSISTANT_TEST_DATABASE_URL),,db-up)

.PHONY: help build cli db-up db-down migrate migration migration-status migration-history migration-downgrade \
	migration-check migration-baseline migration-repair migration-sql test bench attacks clean

help: ## List the targets
	@awk 'BEGIN { FS = ":.*## " } /^[a-z][a-z-]*:.*## / { printf "  %-20s %s\n", $$1, $$2 }' $(MAKEFILE_LIST)

build: ## Build and install every module, without tests
	$(MVN) $(MVN_FLAGS) install -DskipTests
	@mkdir -p $(dir $(BUILD_STAMP)) && touch $(BUILD_STAMP)

cli: ## Build the command line tool's jar (assistant-migrate-cli/target), installing nothing
	$(MVN) $(MVN_FLAGS) -q -pl assistant-migrate-cli -am package -DskipTests
	@ls assistant-migrate-cli/target/assistant-migrate-cli-*.jar | grep -v original- | sed 's/^/Built /'

$(BUILD_STAMP): $(BUILD_INPUTS)
	$(MVN) $(MVN_FLAGS) -q install -DskipTests
	@mkdir -p $(dir $@) && touch $@

db-up: ## Start the database with the developer database and the test role (Docker Compose, else local PostgreSQL)
	@./scripts/db-up.sh

db-down: ## Stop the developer database started by db-up
	@./scripts/db-down.sh

migrate: db-up $(BUILD_STAMP) ## Apply pending migrations, then show the status
	$(GOAL) $(PLUGIN):migrate $(PLUGIN):status $(FLEET_FLAGS)

migration: db-up $(BUILD_STAMP) ## New migration from the model: make migration MESSAGE="add user timezone"
	$(GOAL) $(PLUGIN):create -Dassistant.autogenerate=true -Dassistant.message="$$MESSAGE"

migration-status: db-up $(BUILD_STAMP) ## Show the current version, pending migrations and problems
	$(GOAL) $(PLUGIN):status $(FLEET_FLAGS)

migration-history: db-up $(BUILD_STAMP) ## Show the applied and pending migrations as a table
	$(GOAL) $(PLUGIN):history

migration-downgrade: db-up $(BUILD_STAMP) ## Undo migrations: make migration-downgrade TARGET=-1 (or a version, or base)
	$(GOAL) $(PLUGIN):downgrade -Dassistant.target="$$TARGET" $(FLEET_FLAGS)

migration-check: db-up $(BUILD_STAMP) ## Fail when migrations are pending, broken, irreversible or behind the model
	$(GOAL) $(PLUGIN):check $(FLEET_FLAGS)

migration-baseline: db-up $(BUILD_STAMP) ## Adopt a database built without migrations: MESSAGE="adopt existing schema" (or VERSION=3)
	$(GOAL) $(PLUGIN):baseline $(if $(MESSAGE),-Dassistant.message="$$MESSAGE") $(if $(VERSION),-Dassistant.version="$$VERSION")

migration-repair: db-up $(BUILD_STAMP) ## Show what repair would change; REPAIR=failed,checksums,descriptions changes it
	$(GOAL) $(PLUGIN):repair $(if $(REPAIR),-Dassistant.repair="$$REPAIR")

migration-sql: db-up $(BUILD_STAMP) ## Write the psql script of the pending migrations, applying nothing (OUT=target/sql/migrate.sql)
	$(GOAL) $(PLUGIN):migrate -Dassistant.dryRun=true -Dassistant.sqlOut="$${OUT:-target/sql/migrate.sql}"

test: $(TEST_DATABASE) ## Run every test: unit, PostgreSQL integration, plugin and service integration tests
	$(MVN) $(MVN_FLAGS) verify

bench: db-up $(BUILD_STAMP) ## Measure migrate, status, check, create, downgrade against psql, Flyway's plugin and the CLI; writes docs/benchmarks.md
	@# The engine rows run in this Maven JVM: full tiered compilation, as in a long-lived service, not .mvn/jvm.config's C1.
	ASSISTANT_TEST_DATABASE_URL="$${ASSISTANT_TEST_DATABASE_URL:-postgresql://assistant_test:assistant_test@localhost:$${POSTGRES_PORT:-5432}/postgres}" \
	MAVEN_OPTS="$${MAVEN_OPTS:-} -XX:TieredStopAtLevel=4" \
	$(MVN) $(MVN_FLAGS) -q -pl assistant-migrate-maven-plugin test-compile exec:java \
		-Dexec.mainClass=dev.assistant.migrate.bench.Benchmarks -Dexec.classpathScope=test \
		-Dexec.args="$(CURDIR)/docs/benchmarks.md $(CURDIR)/target/bench $(CLI_JAR)" $(BENCH_FLAGS)

attacks: $(TEST_DATABASE) ## Run the attack catalogue against this plugin and Flyway's Maven plugin (about 25 minutes on 2 busy cores); see docs/reliability.md
	$(MVN) $(MVN_FLAGS) -pl assistant-migrate-maven-plugin -am verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
		-Dit.test=AttackDriver -Dfailsafe.failIfNoSpecifiedTests=false -Dinvoker.test=migrate-skip \
		-Dattacks.tools="after=$(CURDIR)/assistant-migrate-maven-plugin/target/it-repository,flyway=$(CURDIR)/target/attacks-m2" \
		-Dattacks.report=$(CURDIR)/target/attacks/attacks.md $(ATTACK_FLAGS)

clean: ## Remove build output
	$(MVN) $(MVN_FLAGS) -q clean
	rm -f $(BUILD_STAMP)

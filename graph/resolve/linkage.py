"""The probabilistic record-linkage model (Splink: Fellegi-Sunter on DuckDB) over mention records.

Candidate pairs come from five blocking rules: the same surname skeleton; or, so that a typo in a
surname or a loose transliteration ("Zaharov", "Быбтров", "Ерпов") still meets its person, the same
first letter of it with the same given name and patronymic initial, or with the same last three
letters, or the same first two letters with the same initials, or with the same last letter and length. Each pair is
compared on surname, given name, patronymic, gender, rank against date, unit, and the officials
named alongside. Every comparison level starts from a prior (m, u) written below; on a graph with
enough mentions the model is re-estimated without labels (u by random sampling, m by expectation
maximisation on the graph's own mentions). The output keeps the per-comparison match weights, so
every link can be explained.

For collections that outgrow one machine, the same settings run on Splink's Spark backend
(``splink.SparkAPI`` instead of ``DuckDBAPI``; see the README).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass

import pandas as pd

MIN_RECORDS_FOR_TRAINING = 1000   # mentions; below this, EM has too few pairs to learn from: the priors stand
# Each comparison: the columns whose absence makes it "missing", then its levels from the most to the
# least alike as (SQL condition, label, m prior, u prior); m = P(level | same person), u = P(level |
# different persons that blocking brought together).
LEVELS: dict[str, tuple[str, list[tuple[str, str, float, float]]]] = {
    "surname": ("skel_l IS NULL OR skel_r IS NULL", [
        ("skel_l = skel_r", "same surname in any script and case", 0.93, 0.35),
        ("jaro_winkler_similarity(surname_folded_l, surname_folded_r) >= 0.9 OR "
         "damerau_levenshtein(surname_folded_l, surname_folded_r) <= 1", "surname within a typo", 0.06, 0.05),
        ("ELSE", "different surname", 0.01, 0.60)]),
    "given": ("given_initial_l IS NULL OR given_initial_r IS NULL", [
        ("given_full_l = given_full_r", "same given name", 0.80, 0.02),
        ("len(list_intersect(given_initials_l, given_initials_r)) > 0 AND "
         "(given_full_l IS NULL OR given_full_r IS NULL)",
         "given name fits an initial", 0.15, 0.012),
        ("given_initial_l = given_initial_r AND jaro_winkler_similarity(given_full_l, given_full_r) >= 0.88",
         "given name within a typo", 0.04, 0.01),
        ("ELSE", "different given name", 0.01, 0.92)]),
    "patronymic": ("patr_initial_l IS NULL OR patr_initial_r IS NULL", [
        ("patr_full_l = patr_full_r", "same patronymic", 0.85, 0.03),
        ("len(list_intersect(patr_initials_l, patr_initials_r)) > 0", "patronymic fits an initial", 0.13, 0.01),
        ("ELSE", "different patronymic", 0.02, 0.90)]),
    "gender": ("gender_l IS NULL OR gender_r IS NULL", [
        ("gender_l = gender_r", "same gender", 0.99, 0.6),
        ("ELSE", "different gender", 0.01, 0.4)]),
    "rank": ("rank_order_l IS NULL OR rank_order_r IS NULL", [
        ("rank_order_l = rank_order_r", "same rank", 0.75, 0.20),
        ("(rank_order_l < rank_order_r AND coalesce(day_l <= day_r, true)) OR "
         "(rank_order_l > rank_order_r AND coalesce(day_l >= day_r, true))", "rank rose over time", 0.22, 0.40),
        ("ELSE", "rank fell over time", 0.03, 0.40)]),
    "unit": ("len(unit_ids_l) = 0 OR len(unit_ids_r) = 0", [
        ("len(list_intersect(unit_ids_l, unit_ids_r)) > 0", "a unit in common", 0.85, 0.15),
        ("ELSE", "different units", 0.15, 0.85)]),
    "co_named": ("len(co_named_l) = 0 OR len(co_named_r) = 0", [
        ("len(list_intersect(co_named_l, co_named_r)) > 0", "named alongside the same officials", 0.45, 0.05),
        ("ELSE", "named alongside other officials", 0.55, 0.95)]),
}
SURNAME_SAME = 2            # surname levels (gamma): the same skeleton (Захаров, Захараў, Zakharau; and
SURNAME_TYPO = 1            # Королёв with Крылов: a skeleton collision), a typo apart
# The priors describe pairs that blocking brought together (mostly the same surname); among those, about
# one in three is the same person. Training replaces this with the share among all pairs.
PRIOR_MATCH_SHARE = 0.3


@dataclass(frozen=True)
class Model:
    """A linkage model as data: comparisons and their levels, blocking rules (column expressions that must
    be equal), list-valued columns, the prior share of matches among blocked pairs, and the column whose
    equal values make the blocked population (for the share among all pairs when training)."""
    levels: dict[str, tuple[str, list[tuple[str, str, float, float]]]]
    blocking: tuple[tuple[str, ...] | str, ...]    # columns that must be equal, or a SQL condition on l and r
    list_columns: tuple[str, ...]
    prior_share: float
    block_column: str
    fixed_m: frozenset = frozenset()    # comparisons whose m stays the prior (EM would drive a level to zero)


PERSONS = Model(LEVELS, (("skel",), ("substr(skel, 1, 1)", "given_full", "patr_initial"),
                         ("substr(skel, 1, 1)", "right(skel, 3)"), ("substr(skel, 1, 2)", "given_initial", "patr_initial"),
                         ("substr(skel, 1, 2)", "right(skel, 1)", "length(skel)")),
                ("unit_ids", "co_named", "given_initials", "patr_initials"), PRIOR_MATCH_SHARE, "skel",
                # gender is a veto: another gender among matches is an extraction error, rare but never absent;
                # EM, seeing almost none, drives that level's m below what float64 holds (Splink then refuses
                # the model), so gender keeps its prior m
                frozenset({"gender"}))


def level_label(comparison: str, gamma: int, model: Model = PERSONS) -> str:
    """What a comparison level (Splink's gamma: -1 missing, then 0 for the last level upwards) means."""
    levels = model.levels[comparison][1]
    return "not stated on both" if gamma < 0 else levels[len(levels) - 1 - gamma][1]


@dataclass(frozen=True)
class ScoredPair:
    left: str
    right: str
    probability: float
    weights: dict[str, float]       # comparison -> match weight (log2 Bayes factor)
    levels: dict[str, int]          # comparison -> level (gamma; -1 = a value missing)


def _comparisons(model: Model):
    import splink.comparison_level_library as cll
    import splink.comparison_library as cl

    comparisons = []
    for name, (missing, levels) in model.levels.items():
        made = [cll.CustomLevel(missing, "not stated on both").configure(is_null_level=True)]
        made += [cll.CustomLevel(sql, label).configure(m_probability=m, u_probability=u,
                                                       fix_m_probability=name in model.fixed_m)
                 for sql, label, m, u in levels]
        comparisons.append(cl.CustomComparison(made, output_column_name=name))
    return comparisons


def _frame(rows: list[dict], model: Model) -> pd.DataFrame:
    frame = pd.DataFrame(rows)
    for column in model.list_columns:
        frame[column] = frame[column].apply(lambda v: list(v) if v is not None else [])
    return frame


def _settings(match_share: float, model: Model):
    from splink import SettingsCreator, block_on

    return SettingsCreator(
        link_type="dedupe_only",
        probability_two_random_records_match=match_share,
        comparisons=_comparisons(model),
        blocking_rules_to_generate_predictions=[block_on(*rule) if isinstance(rule, tuple) else rule
                                                for rule in model.blocking],
        retain_intermediate_calculation_columns=True,
        retain_matching_columns=True,
    )


def score_pairs(rows: list[dict], mentions: list[dict] | None = None, min_probability: float = 0.005,
                model: Model = PERSONS) -> list[ScoredPair]:
    """Every candidate pair of ``rows`` scored (for persons: features of name forms, see ``features``).
    With enough ``mentions`` (the records the rows stand for), the model is first estimated on them: its
    parameters describe pairs of mentions, which is what a pair of forms stands for."""
    if len(rows) < 2:
        return []
    from splink import DuckDBAPI, Linker, block_on

    logging.getLogger("splink").setLevel(logging.ERROR)
    import duckdb

    connection = duckdb.connect()
    connection.execute("SET enable_progress_bar = false")  # no progress bar on a CLI user's terminal
    api = DuckDBAPI(connection)
    settings = _settings(model.prior_share, model)
    if mentions is not None and len(mentions) >= MIN_RECORDS_FOR_TRAINING:
        training = _frame(mentions, model)
        trainer = Linker(api.register(training), _settings(_share_among_all_pairs(training, model), model),
                         log_level=logging.ERROR)
        settings = _train(trainer, block_on, model)
    linker = Linker(api.register(_frame(rows, model)), settings, log_level=logging.ERROR)
    predictions = linker.inference.predict(threshold_match_probability=min_probability).as_pandas_dataframe()
    names = tuple(model.levels)
    weights = {name: predictions[f"mw_{name}"].round(2).tolist() for name in names}
    gammas = {name: predictions[f"gamma_{name}"].astype(int).tolist() for name in names}
    return [ScoredPair(left, right, float(probability), {name: weights[name][i] for name in names},
                       {name: gammas[name][i] for name in names})
            for i, (left, right, probability) in enumerate(zip(predictions["unique_id_l"], predictions["unique_id_r"],
                                                                predictions["match_probability"]))]


def _share_among_all_pairs(frame: pd.DataFrame, model: Model) -> float:
    """The prior share of matches among all pairs: PRIOR_MATCH_SHARE of the pairs that share a surname
    skeleton, none elsewhere. (Splink's estimate from deterministic rules cannot be used here: the
    model compares distinct name forms, and two forms of one person rarely agree on every field.)"""
    sizes = frame[model.block_column].value_counts()
    same_surname = float((sizes * (sizes - 1) / 2).sum())
    everything = len(frame) * (len(frame) - 1) / 2
    return min(0.5, max(1e-9, model.prior_share * same_surname / everything))


def _train(linker, block_on, model: Model) -> dict:
    """Without labels: u from random pairs, m by EM blocked on the surname (it learns every comparison but
    the surname, whose m stays the prior: a second session blocked on given name and patronymic learned
    namesakes as matches). Returns the model's settings after the last step that succeeded: a step that
    cannot learn (too few pairs at some level, a probability that underflows) leaves the estimates before it."""
    steps = (
        lambda: linker.training.estimate_u_using_random_sampling(max_pairs=1e5, seed=1),
        lambda: linker.training.estimate_parameters_using_expectation_maximisation(block_on(model.block_column),
                                                                                   max_pairs=5e5),
    )
    settings = linker.misc.save_model_to_json()
    for step in steps:
        try:
            step()
            settings = linker.misc.save_model_to_json()
        except Exception as error:  # logged, not fatal: the model keeps the estimates it has
            logging.getLogger(__name__).info("resolution model: a training step was skipped (%s)", error)
            break
    return settings

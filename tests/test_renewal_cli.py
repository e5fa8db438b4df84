"""The assessor's command line: the same verdict and figures as the page."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import ROOT
from tests.data import RENEWAL

# The assessor's renewal command exists only where the certificate expires and has renewal rules.
pytestmark = pytest.mark.skipif(RENEWAL is None, reason="this qualification's certificate does not expire")


def renewal(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "selfcheck", "renewal", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)


def test_json_output_counts_periods_by_the_civil_code():
    result = renewal("--issued", "2020-02-29", "--period", "2020-01-01:2020-12-31",
                     "--period", "2023-06-01:ongoing", "--today", "2024-01-10", "--json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["valid_through"] == "2025-02-28"            # art. 112 KC
    assert data["total_days"] == 307 + 224 and data["required_days"] == 365
    assert data["verdict"]["key"] == "ready"


def test_text_output_names_the_verdict_and_who_decides():
    result = renewal("--issued", "2021-01-01", "--period", "2022-01-01:2022-12-30", "--today", "2024-06-01")
    assert result.returncode == 0
    assert result.stdout.startswith("Jeszcze nie. Brakuje 1 dzień")
    assert "decyduje instytucja certyfikująca" in result.stdout


def test_bad_input_is_reported_per_field_without_a_traceback():
    result = renewal("--issued", "2021-02-30", "--period", "2022-05-01:2022-04-01")
    assert result.returncode == 2
    assert "--issued: taka data nie istnieje: 2021-02-30" in result.stderr
    assert "--period nr 1 end: koniec okresu (1 kwietnia 2022) jest przed jego początkiem" in result.stderr
    assert "Traceback" not in result.stderr


def test_period_without_colon_is_explained():
    result = renewal("--issued", "2021-01-01", "--period", "2022-01-01")
    assert result.returncode == 2 and "podaj okres jako OD:DO" in result.stderr

"""The README's fork steps ("Inna kwalifikacja na tej samej stronie"), followed on a copy of the
project: another qualification's data files and bank replace this one's, and the practical part goes
one of the ways the README names. Each way builds, and the site has what the data says."""

from __future__ import annotations

import json
import shutil

import yaml

from tests.conftest import run_mkdocs_build

FIXTURE = "tests/fixtures/other-qualification"


def follow_the_data_steps(project, root):
    """Steps 1 and 2: the form, the glossary, the publisher and the bank of another qualification."""
    other = root / FIXTURE
    if not (project / "practical").is_dir():  # a copy made for another data folder: start from this project's part
        shutil.copytree(root / "practical", project / "practical")
    for name in ("qualification.yaml", "glossary.yaml", "publisher.yaml"):
        shutil.copy2(other / name, project / name)
    shutil.rmtree(project / "selfcheck" / "bank")
    shutil.copytree(other / "selfcheck" / "bank", project / "selfcheck" / "bank")
    return yaml.safe_load((other / "qualification.yaml").read_text(encoding="utf-8"))


def test_a_fork_without_a_practical_part_builds_without_one(project_copy, tmp_path):
    from tests.conftest import ROOT
    follow_the_data_steps(project_copy, ROOT)
    shutil.rmtree(project_copy / "practical")                      # step 3, the first way
    site = tmp_path / "site"
    result = run_mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert not (site / "samoocena" / "praktyka").exists() and not (site / "samoocena" / "symulacja").exists()
    manifest = json.loads((site / "assets" / "selfcheck" / "runtime.json").read_text(encoding="utf-8"))
    assert manifest["practical"] is None
    assert not list(site.rglob("practical-*.zip")) and not (site / "assets" / "selfcheck" / "practical.json").exists()
    assert json.loads((site / "assets" / "selfcheck" / "bank.json").read_text(encoding="utf-8"))["practical"] is None


def test_a_fork_keeping_the_crm_with_its_own_tasks_builds_with_them(project_copy, tmp_path):
    from tests.conftest import ROOT
    qualification = follow_the_data_steps(project_copy, ROOT)
    # Step 3, the second way: the CRM stays, its tasks are rewritten for the new qualification's criteria.
    outcome = qualification["sets"][0]["outcomes"][0]
    tasks = project_copy / "practical" / "tasks"
    first = yaml.safe_load(sorted(tasks.glob("*.yaml"))[0].read_text(encoding="utf-8"))
    shutil.rmtree(tasks)
    tasks.mkdir()
    task = {**first["tasks"][0], "criteria": [outcome["criteria"][0]["id"]]}
    (tasks / "z1-e1.yaml").write_text(yaml.safe_dump({"outcome": outcome["id"], "tasks": [task]}, allow_unicode=True),
                                      encoding="utf-8")
    site = tmp_path / "site"
    result = run_mkdocs_build(project_copy, site)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (site / "samoocena" / "praktyka" / "index.html").is_file()
    data = json.loads((site / "assets" / "selfcheck" / "practical.json").read_text(encoding="utf-8"))
    assert [t["id"] for t in data["tasks"]] == [task["id"]] and data["tasks"][0]["criteria"] == task["criteria"]


def test_a_fork_whose_old_tasks_name_criteria_it_does_not_have_is_told_where(project_copy, tmp_path):
    from tests.conftest import ROOT
    follow_the_data_steps(project_copy, ROOT)                      # the practical part left as it was
    result = run_mkdocs_build(project_copy, tmp_path / "site")
    assert result.returncode != 0
    output = result.stdout + result.stderr
    assert "practical/tasks/" in output and "nie jest kryterium tej kwalifikacji" in output and "Traceback" not in output

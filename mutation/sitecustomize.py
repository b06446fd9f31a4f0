"""Coverage of subprocesses during the coverage pass of `python -m mutation.run`.

The runner copies this file into a support folder that is on PYTHONPATH only for that pass.
A Python process started by a test (the CLI tests run `python -m desktop_app ...`) inherits
MUTATION_TEST_ID from coverage_plugin.py and records its lines under that test's node id. The
pytest process itself starts without MUTATION_TEST_ID, so this does nothing there.
"""

import os

if os.environ.get("MUTATION_COVERAGE_DIR") and os.environ.get("MUTATION_TEST_ID"):
    import atexit

    import coverage

    _cov = coverage.Coverage(
        data_file=os.path.join(os.environ["MUTATION_COVERAGE_DIR"], ".coverage"),
        data_suffix=True,
        source=[os.path.join(os.environ["MUTATION_SOURCE_ROOT"], "desktop_app")],
    )
    _cov.start()
    _cov.switch_context(os.environ["MUTATION_TEST_ID"])

    def _save() -> None:
        _cov.stop()
        _cov.save()

    atexit.register(_save)

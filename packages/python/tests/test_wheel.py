"""The wheel builds (no network: --no-isolation on Debian's setuptools), installs into a fresh
virtual environment outside the repository, and works there against the real server."""
from __future__ import annotations

import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1]
PYTHON = "/usr/bin/python3" if Path("/usr/bin/python3").exists() else sys.executable

SMOKE = textwrap.dedent('''
    import sys
    import saasready
    from saasready import SaaSReady, NotFoundError
    assert "site-packages" in saasready.__file__, saasready.__file__
    url, email = sys.argv[1], sys.argv[2]
    with SaaSReady(url) as client:
        assert client.healthz() == {"status": "ok"}
        client.auth.register(email=email, password="correct horse battery staple 42", full_name="Wheel")
        me = client.auth.me()
        assert me.email == email and me.current_org_id
        try:
            client.orgs.get("00000000-0000-7000-8000-000000000000")
        except NotFoundError as err:
            print("ok", saasready.__version__, me.email, err.code)
''')


def test_wheel_installs_and_works_outside_the_repo(server, unique_email, tmp_path):
    # build from a copy, so no build/ or *.egg-info lands in the source tree
    src = tmp_path / "src"
    src.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy(PACKAGE / name, src / name)
    shutil.copytree(PACKAGE / "saasready", src / "saasready", ignore=shutil.ignore_patterns("__pycache__"))
    dist = tmp_path / "dist"
    build = subprocess.run([PYTHON, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(src)],
                           capture_output=True, text=True, timeout=120)
    assert build.returncode == 0, build.stdout[-3000:] + build.stderr[-3000:]
    wheels = list(dist.glob("saasready-0.1.0-py3-none-any.whl"))
    assert len(wheels) == 1, list(dist.iterdir())

    venv = tmp_path / "venv"
    # --system-site-packages: httpx, PyJWT and cryptography come from Debian (no network here)
    subprocess.run([PYTHON, "-m", "venv", "--system-site-packages", str(venv)], check=True, timeout=120)
    install = subprocess.run([str(venv / "bin" / "pip"), "install", "--no-deps", "--no-index", str(wheels[0])],
                             capture_output=True, text=True, timeout=120)
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]
    listing = subprocess.run([str(venv / "bin" / "python"), "-c",
                              "import importlib.metadata as m; print(sorted(str(f) for f in m.files('saasready')))"],
                             capture_output=True, text=True, cwd=str(tmp_path), timeout=60)
    assert "saasready/py.typed" in listing.stdout, listing.stdout + listing.stderr

    script = tmp_path / "smoke.py"
    script.write_text(SMOKE)
    email = unique_email("wheel")
    run = subprocess.run([str(venv / "bin" / "python"), str(script), server.url, email],
                         capture_output=True, text=True, cwd=str(tmp_path), timeout=60)
    assert run.returncode == 0, run.stdout + run.stderr
    assert run.stdout.split() == ["ok", "0.1.0", email, "organization.not_found"]

"""Make docs/display.png, the README's picture of the display, from the real HTML.

    PYTHONPATH=$PWD python docs/make_display.py     # needs chromium (Debian: chromium-headless-shell)
"""

import shutil
import subprocess
import tempfile
from pathlib import Path

__all__ = ["main"]


def main() -> None:
    import quoteattr
    from quoteattr.display import render_page

    root = Path(__file__).resolve().parents[1]
    text = (root / "examples" / "port_strike.txt").read_text(encoding="utf-8")
    doc = quoteattr.extract(text, id="port_strike", source="Valmora Herald", date="2024-03-05")
    browser = shutil.which("chromium-headless-shell") or shutil.which("chromium")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "display.html"
        page.write_text(render_page([doc]), encoding="utf-8")
        subprocess.run([browser, "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--window-size=900,1090",
                        f"--screenshot={root / 'docs' / 'display.png'}", page.as_uri()], check=True,
                       capture_output=True)


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Opens a TBX glossary in Lokalize 22.12, as a Lokalize project would, and prints every entry its
Glossary window lists, read through the accessibility bus (AT-SPI).

Usage: lokalize_glossary_dump.py SOURCE_LANG TARGET_LANGS FILE

For each target language (TARGET_LANGS is comma-separated) it writes a project file whose GlossaryTbx
is FILE, opens it in Lokalize (a fresh instance for the first pair, D-Bus openProject for the next),
presses Tools > Glossary and reads the Glossary window's table: one row per entry, columns id,
source terms, target terms, subject field (several terms of a language joined by " · ").
It prints "pair<TAB>SOURCE<TAB>TARGET", then "entry<TAB>id<TAB>source<TAB>target<TAB>subject" for each
row, with backslash, tab, CR and LF escaped as \\ \t \r \n.

It runs itself under xvfb-run and dbus-run-session (a private X display and session bus), with HOME
and the XDG directories in a temporary directory, so it never touches the user's Lokalize settings.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

TIMEOUT = 40  # seconds to wait for Lokalize to show a window or a glossary


def escape(text):
    return (text or "").replace("\\", "\\\\").replace("\t", "\\t").replace("\r", "\\r").replace("\n", "\\n")


def find(accessible, predicate):
    try:
        if predicate(accessible):
            return accessible
        for index in range(accessible.childCount):
            found = find(accessible.getChildAtIndex(index), predicate)
            if found is not None:
                return found
    except Exception:  # an object that went away while we walked the tree
        return None
    return None


def pump_events():
    """Lets libatspi handle the bus's signals (new applications, windows, rows), which only the GLib
    main context delivers; without this a client keeps the desktop it saw first."""
    from gi.repository import GLib
    context = GLib.MainContext.default()
    while context.pending():
        context.iteration(False)


def wait_for(what, probe):
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        pump_events()
        found = probe()
        if found is not None:
            return found
        time.sleep(0.3)
    fresh = subprocess.run([sys.executable, "-c", "import pyatspi; d = pyatspi.Registry.getDesktop(0); "
                            "print([d.getChildAtIndex(i).name for i in range(d.childCount)])"],
                           capture_output=True, text=True)
    raise SystemExit(f"lokalize_glossary_dump: timed out waiting for {what}; a fresh client sees {fresh.stdout}")


def lokalize_app(pyatspi):
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        if app is not None and app.name == "lokalize":
            return app
    return None


def glossary_rows(pyatspi, project_name):
    """Presses Tools > Glossary and returns the rows of the glossary window's table."""
    app = wait_for("Lokalize on the accessibility bus", lambda: lokalize_app(pyatspi))
    wait_for(f"the main window of project {project_name}",
             lambda: find(app, lambda a: a.getRoleName() == "frame" and a.name == project_name))
    item = wait_for("the Tools > Glossary menu item",
                    lambda: find(app, lambda a: a.getRoleName() == "menu item" and a.name == "Glossary"))
    item.queryAction().doAction(0)

    def table():
        for index in range(app.childCount):
            window = app.getChildAtIndex(index)
            tree = find(window, lambda a: a.getRoleName() == "tree" and find(
                a, lambda h: h.getRoleName() == "table column header" and h.name == "Subject Field") is not None)
            if tree is not None:
                return tree
        return None
    tree = wait_for("the Glossary window", table)
    # The table fills in as the glossary loads; read it once two looks a second apart agree (and, for
    # a table still empty, once a few seconds have passed).
    previous, started = None, time.monotonic()
    while True:
        cells = [tree.getChildAtIndex(i) for i in range(tree.childCount)]
        texts = [cell.name for cell in cells if cell.getRoleName() == "table cell"]
        pump_events()
        if texts == previous and (texts or time.monotonic() - started > 5):
            break
        if time.monotonic() - started > TIMEOUT:
            raise SystemExit("lokalize_glossary_dump: the Glossary window's table never settled")
        previous = texts
        time.sleep(1.0)
    headers = sum(1 for i in range(tree.childCount) if tree.getChildAtIndex(i).getRoleName() == "table column header")
    return [texts[i:i + headers] for i in range(0, len(texts), headers)]


def inner(source, targets, glossary, workdir):
    out = sys.stdout
    pyatspi = None
    process = None
    try:
        for number, target in enumerate(targets):
            name = f"acceptance-{target}"
            project = os.path.join(workdir, f"{name}.lokalize")
            os.makedirs(os.path.join(workdir, target), exist_ok=True)
            with open(project, "w", encoding="utf-8") as handle:
                handle.write(f"[General]\nGlossaryTbx={glossary}\nLangCode={target}\nSourceLangCode={source}\n"
                             f"TargetLangCode={target}\nPoBaseDir=./{target}\nProjectID={name}\n")
            if process is None:
                process = subprocess.Popen(["lokalize", "--project", project], stdout=subprocess.DEVNULL,
                                           stderr=open(os.path.join(workdir, "lokalize.log"), "ab"))
                import pyatspi
            else:
                subprocess.run(["dbus-send", "--session", "--type=method_call", "--print-reply",
                                f"--dest=org.kde.lokalize-{process.pid}", "/ThisIsWhatYouWant",
                                "org.kde.Lokalize.MainWindow.openProject", f"string:{project}"],
                               check=True, stdout=subprocess.DEVNULL)
            rows = glossary_rows(pyatspi, name)
            out.write(f"pair\t{escape(source)}\t{escape(target)}\n")
            for row in rows:
                out.write("entry\t" + "\t".join(escape(cell) for cell in row) + "\n")
            out.flush()
    finally:
        if process is not None:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()


def start_registry():
    deadline = time.monotonic() + TIMEOUT
    while True:
        reply = subprocess.run(["dbus-send", "--session", "--print-reply=literal", "--dest=org.a11y.Bus",
                                "/org/a11y/bus", "org.a11y.Bus.GetAddress"], capture_output=True, text=True)
        address = reply.stdout.strip()
        if reply.returncode == 0 and address:
            started = subprocess.run(["dbus-send", f"--bus={address}", "--print-reply", "--dest=org.freedesktop.DBus",
                                      "/org/freedesktop/DBus", "org.freedesktop.DBus.StartServiceByName",
                                      "string:org.a11y.atspi.Registry", "uint32:0"], capture_output=True, text=True)
            if started.returncode == 0:
                # Qt reads the bus address from the X root window's AT_SPI_BUS property when it is
                # there, synchronously; otherwise it asks the session bus asynchronously, and Qt 5.15's
                # bridge may then register before it is connected ("Not connected to D-Bus server")
                # and never be listed. The launcher, started by activation, does not set the property
                # here, so set it.
                subprocess.run(["xprop", "-root", "-f", "AT_SPI_BUS", "8s", "-set", "AT_SPI_BUS", address],
                               check=True)
                return
        if time.monotonic() > deadline:
            raise SystemExit("lokalize_glossary_dump: the accessibility bus or its registry did not start: "
                             + reply.stderr)
        time.sleep(0.2)


def main(argv):
    if len(argv) >= 2 and argv[1] == "--inner":
        source, targets, glossary, workdir = argv[2], argv[3].split(","), argv[4], argv[5]
        # The accessibility bus and its registry, both started by D-Bus activation (a second, hand-started
        # bus launcher races the activated one, and Qt may keep the address of the one that quits), and
        # answering before Lokalize starts: Qt's AT-SPI bridge registers the application once, at
        # start-up, and an application that found no registry then is never listed.
        start_registry()
        inner(source, targets, glossary, workdir)
        return 0
    if len(argv) != 4:
        print(__doc__, file=sys.stderr)
        return 2
    source, targets, glossary = argv[1], argv[2], os.path.abspath(argv[3])
    workdir = tempfile.mkdtemp(prefix="lokalize-")
    try:
        copy = os.path.join(workdir, "glossary.tbx")  # Lokalize may write its glossary back: give it a copy
        shutil.copyfile(glossary, copy)
        env = dict(os.environ, HOME=os.path.join(workdir, "home"), XDG_CONFIG_HOME=os.path.join(workdir, "config"),
                   XDG_DATA_HOME=os.path.join(workdir, "data"), XDG_CACHE_HOME=os.path.join(workdir, "cache"),
                   XDG_RUNTIME_DIR=os.path.join(workdir, "runtime"), QT_ACCESSIBILITY="1",
                   QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_QPA_PLATFORM="xcb", LC_ALL="C.UTF-8",
                   QT_LOGGING_RULES=os.environ.get("QT_LOGGING_RULES", ""))
        os.makedirs(env["XDG_RUNTIME_DIR"], mode=0o700)
        command = ["xvfb-run", "-a", "dbus-run-session", "--", sys.executable, os.path.abspath(argv[0]),
                   "--inner", source, targets, copy, workdir]
        result = subprocess.run(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        sys.stdout.buffer.write(result.stdout)
        if result.returncode != 0:
            sys.stderr.buffer.write(result.stderr)
            log = os.path.join(workdir, "lokalize.log")
            if os.path.exists(log):
                sys.stderr.write(open(log, encoding="utf-8", errors="replace").read()[-3000:])
        return result.returncode
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv))

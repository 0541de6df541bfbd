// Loads a glossary file with OmegaT's own readers, as an OmegaT project would, and prints every entry.
//
// Usage: java -cp DIR:OMEGAT_CLASSPATH OmegaTGlossaryDump [--write-back DIR] [--target-per-file] SOURCE_LANG
//            TARGET_LANGS FILE...
//
// OmegaT 3.6 picks the reader by file extension (GlossaryManager.loadGlossaryFile): .tab, .txt and .utf8
// go to GlossaryReaderTSV, .csv to GlossaryReaderCSV, .tbx to GlossaryReaderTBX. The TBX reader asks the
// current project for its source and target languages, so a project holding only those is installed in
// Core first, once for each language pair (TARGET_LANGS is comma-separated). For each file and pair it
// prints "file<TAB>FILE" and "pair<TAB>SOURCE<TAB>TARGET", then each entry on one line as
// "entry<TAB>source<TAB>target<TAB>comment", with backslash, tab, CR and LF escaped as \\ \t \r \n, in the
// order the reader returned them. One JVM reads everything: starting OmegaT's JAXB context is the slow part.
// With --target-per-file, TARGET_LANGS names one target language for each file, in order (a sheet holds
// one pair). With --write-back, every entry of each file's first pair is also appended to DIR/N.EXT (N
// counting the files from 0, EXT the file's own extension) through GlossaryReaderTSV.append, the call
// OmegaT makes when a translator adds a term to the project's writable glossary. That glossary is a copy
// of the file when the file is one of OmegaT's TSV glossaries (the file serving as the project's writable
// glossary), else it starts empty. (OmegaT 3.6 detects the encoding of the glossary again on every
// append: a new glossary whose first line holds only a few non-ASCII letters is taken as TIS-620, and the
// letters of the lines after it become '?'.)
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;

import org.omegat.core.Core;
import org.omegat.core.data.IProject;
import org.omegat.core.data.ProjectProperties;
import org.omegat.gui.glossary.GlossaryEntry;
import org.omegat.gui.glossary.GlossaryReaderCSV;
import org.omegat.gui.glossary.GlossaryReaderTBX;
import org.omegat.gui.glossary.GlossaryReaderTSV;
import org.omegat.util.Language;

public final class OmegaTGlossaryDump {
    private OmegaTGlossaryDump() {}

    public static void main(String[] args) throws Exception {
        int first = 0;
        File writeBack = null;
        boolean targetPerFile = false;
        while (first < args.length && args[first].startsWith("--")) {
            if (args[first].equals("--write-back") && first + 1 < args.length) {
                writeBack = new File(args[first + 1]);
                first += 2;
            } else if (args[first].equals("--target-per-file")) {
                targetPerFile = true;
                first += 1;
            } else {
                break;
            }
        }
        if (args.length - first < 3) {
            System.err.println("usage: OmegaTGlossaryDump [--write-back DIR] [--target-per-file] SOURCE_LANG "
                    + "TARGET_LANGS FILE...");
            System.exit(2);
        }
        String sourceLanguage = args[first];
        String[] allTargets = args[first + 1].split(",");
        if (targetPerFile && allTargets.length != args.length - first - 2) {
            System.err.println("OmegaTGlossaryDump: --target-per-file needs one target language for each file");
            System.exit(2);
        }
        PrintStream out = new PrintStream(System.out, true, "UTF-8");
        for (int i = first + 2; i < args.length; ++i) {
            File glossary = new File(args[i]);
            if (!glossary.isFile()) {
                System.err.println("OmegaTGlossaryDump: no such file: " + glossary);
                System.exit(2);
            }
            out.println("file\t" + escape(args[i]));
            String[] targetLanguages = targetPerFile ? new String[] {allTargets[i - first - 2]} : allTargets;
            String name = glossary.getName().toLowerCase(Locale.ROOT);
            String extension = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
            boolean tsv = extension.equals(".txt") || extension.equals(".utf8") || extension.equals(".tab");
            File writeTsv = writeBack == null ? null : new File(writeBack, (i - first - 2) + (tsv ? extension : ".utf8"));
            if (writeTsv != null) {
                Files.deleteIfExists(writeTsv.toPath());
                if (tsv) Files.copy(glossary.toPath(), writeTsv.toPath());
            }
            for (String targetLanguage : targetLanguages) {
                installProject(sourceLanguage, targetLanguage);
                List<GlossaryEntry> entries = readLikeOmegaT(glossary);
                if (entries == null) {
                    System.err.println("OmegaTGlossaryDump: OmegaT has no glossary reader for " + glossary.getName());
                    System.exit(3);
                }
                out.println("pair\t" + escape(sourceLanguage) + "\t" + escape(targetLanguage));
                for (GlossaryEntry entry : entries) {
                    out.println("entry\t" + escape(entry.getSrcText()) + "\t" + escape(entry.getLocText()) + "\t"
                            + escape(entry.getCommentText()));
                }
                if (writeTsv != null) {
                    for (GlossaryEntry entry : entries) GlossaryReaderTSV.append(writeTsv, entry);
                    writeTsv = null;
                }
            }
        }
    }

    // A project that answers only what the glossary readers ask: its properties, with the two languages.
    private static void installProject(String sourceLanguage, String targetLanguage) throws Exception {
        File projectDir = Files.createTempDirectory("omegat-project").toFile();
        projectDir.deleteOnExit();
        ProjectProperties properties = new ProjectProperties(projectDir);
        properties.setSourceLanguage(new Language(sourceLanguage));
        properties.setTargetLanguage(new Language(targetLanguage));
        IProject project = (IProject) Proxy.newProxyInstance(IProject.class.getClassLoader(),
                new Class<?>[] {IProject.class}, (proxy, method, methodArgs) -> {
                    switch (method.getName()) {
                        case "getProjectProperties": return properties;
                        case "isProjectLoaded": return Boolean.TRUE;
                        case "isProjectModified": return Boolean.FALSE;
                        case "toString": return "OmegaTGlossaryDump project";
                        case "hashCode": return System.identityHashCode(proxy);
                        case "equals": return proxy == methodArgs[0];
                        default: throw new UnsupportedOperationException("IProject." + method.getName());
                    }
                });
        Core.setProject(project);
    }

    // The same dispatch as OmegaT 3.6's GlossaryManager.loadGlossaryFile.
    private static List<GlossaryEntry> readLikeOmegaT(File file) throws Exception {
        String name = file.getName().toLowerCase(Locale.ROOT);
        boolean priority = false;
        if (name.endsWith(".tab")) return GlossaryReaderTSV.read(file, priority);
        if (name.endsWith(".utf8") || name.endsWith(".txt")) return GlossaryReaderTSV.read(file, priority);
        if (name.endsWith(".csv")) return GlossaryReaderCSV.read(file, priority);
        if (name.endsWith(".tbx")) return GlossaryReaderTBX.read(file, priority);
        return null;
    }

    private static String escape(String text) {
        if (text == null) return "";
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ++i) {
            char c = text.charAt(i);
            switch (c) {
                case '\\': out.append("\\\\"); break;
                case '\t': out.append("\\t"); break;
                case '\n': out.append("\\n"); break;
                case '\r': out.append("\\r"); break;
                default: out.append(c);
            }
        }
        return out.toString();
    }
}

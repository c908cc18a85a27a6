import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.JSRInlinerAdapter;

/**
 * Build step of the cli module, run on the shaded jar after it is made (see cli/pom.xml): rewrites every
 * class file older than Java 6 (version 50) as a Java 8 class file with stack map frames. The JDK's
 * class-data archive and ahead-of-time cache skip pre-Java-6 class files, so without this picocli (on the
 * path of every command) and a few other libraries are loaded and verified from the jar on each start.
 * The bytecode itself is unchanged except that old jsr/ret subroutines are inlined, which frames require.
 *
 * <p>usage: java -cp ASM_JARS UpgradeOldClassFiles.java JAR
 */
public final class UpgradeOldClassFiles {

    private UpgradeOldClassFiles() {
    }

    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        Path tmp = jar.resolveSibling(jar.getFileName() + ".upgrading");
        int upgraded = 0;
        try (URLClassLoader types = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
             InputStream raw = Files.newInputStream(jar);
             ZipInputStream in = new ZipInputStream(raw);
             OutputStream rawOut = Files.newOutputStream(tmp);
             ZipOutputStream out = new ZipOutputStream(rawOut)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                byte[] data = in.readAllBytes();
                if (entry.getName().endsWith(".class") && isOld(data)) {
                    data = upgrade(data, types);
                    upgraded++;
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                out.putNextEntry(copy);
                out.write(data);
                out.closeEntry();
            }
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        System.out.println("UpgradeOldClassFiles: " + upgraded + " class files of " + jar.getFileName()
                + " rewritten as Java 8 class files");
    }

    private static boolean isOld(byte[] data) {
        return data.length > 8 && (data[0] & 0xff) == 0xca && (data[1] & 0xff) == 0xfe
                && (((data[6] & 0xff) << 8) | (data[7] & 0xff)) < Opcodes.V1_6;
    }

    private static byte[] upgrade(byte[] data, ClassLoader types) {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected ClassLoader getClassLoader() {
                return types;
            }

            @Override
            protected String getCommonSuperClass(String first, String second) {
                try {
                    return super.getCommonSuperClass(first, second);
                } catch (RuntimeException | LinkageError e) {
                    // a type whose library is not in the jar (an optional dependency): code that uses it
                    // cannot be loaded at run time anyway
                    return "java/lang/Object";
                }
            }
        };
        new ClassReader(data).accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public void visit(int version, int access, String name, String signature, String superName,
                              String[] interfaces) {
                super.visit(Opcodes.V1_8, access, name, signature, superName, interfaces);
            }

            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                                             String[] exceptions) {
                return new JSRInlinerAdapter(super.visitMethod(access, name, descriptor, signature, exceptions),
                        access, name, descriptor, signature, exceptions);
            }
        }, ClassReader.SKIP_FRAMES);
        return writer.toByteArray();
    }
}

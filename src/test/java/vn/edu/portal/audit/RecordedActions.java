package vn.edu.portal.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import com.sun.source.tree.BinaryTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ConditionalExpressionTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.IdentifierTree;
import com.sun.source.tree.LambdaExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.MemberSelectTree;
import com.sun.source.tree.MethodInvocationTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.ParenthesizedTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import com.sun.source.util.Trees;

/**
 * The actions the portal records in its audit trail, read from its source code with the
 * JDK's own Java parser: every call of an {@link AuditLog} method that takes an action,
 * with the action followed back to its string literals through constants (of any class),
 * local variables, concatenation, conditionals and the parameters of the class's own
 * methods. An action it cannot follow is reported as unreadable, so that a new way of
 * recording fails the tests that use this instead of slipping past them.
 */
final class RecordedActions {

	static final Path MAIN_SOURCES = Path.of("src/main/java");

	/** How far an action is followed through methods and constants. */
	private static final int MAX_DEPTH = 16;

	/** The position of the action parameter of each AuditLog method that takes one. */
	private static final Map<String, Integer> ACTION_PARAMETER = actionParameters();

	private final Set<String> actions = new TreeSet<>();

	private final List<String> unreadable = new ArrayList<>();

	private final Map<String, Map<String, TreePath>> constants = new HashMap<>();

	private SourcePositions positions;

	private RecordedActions() {
	}

	/** The actions recorded by the Java sources under a directory. */
	static RecordedActions in(Path sources) {
		try (Stream<Path> files = Files.walk(sources)) {
			List<JavaFileObject> units = new ArrayList<>();
			for (Path file : files.filter((path) -> path.toString().endsWith(".java")).toList()) {
				units.add(source(file.toString(), Files.readString(file)));
			}
			return of(units);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The actions recorded by the given Java sources. */
	static RecordedActions of(List<JavaFileObject> sources) {
		RecordedActions found = new RecordedActions();
		found.read(sources);
		return found;
	}

	/** A Java source file with the given name and content. */
	static JavaFileObject source(String name, String content) {
		return new SimpleJavaFileObject(URI.create("string:///" + name.replace('\\', '/')),
				JavaFileObject.Kind.SOURCE) {

			@Override
			public CharSequence getCharContent(boolean ignoreEncodingErrors) {
				return content;
			}

		};
	}

	/** Every action found, sorted. */
	Set<String> actions() {
		return this.actions;
	}

	/** Each call whose action could not be followed back to literals, with its place. */
	List<String> unreadable() {
		return this.unreadable;
	}

	private void read(List<JavaFileObject> sources) {
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		DiagnosticCollector<JavaFileObject> problems = new DiagnosticCollector<>();
		try (StandardJavaFileManager files = compiler.getStandardFileManager(problems, Locale.ROOT,
				StandardCharsets.UTF_8)) {
			JavacTask task = (JavacTask) compiler.getTask(null, files, problems, List.of("-proc:none"), null, sources);
			List<CompilationUnitTree> units = new ArrayList<>();
			task.parse().forEach(units::add);
			for (Diagnostic<? extends JavaFileObject> problem : problems.getDiagnostics()) {
				if (problem.getKind() == Diagnostic.Kind.ERROR) {
					throw new IllegalStateException("Cannot parse " + problem);
				}
			}
			this.positions = Trees.instance(task).getSourcePositions();
			units.forEach(this::collectConstants);
			units.forEach(this::collectActions);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The fields with an initializer, by class name and field name. */
	private void collectConstants(CompilationUnitTree unit) {
		new TreePathScanner<Void, Void>() {

			@Override
			public Void visitVariable(VariableTree variable, Void unused) {
				if (getCurrentPath().getParentPath().getLeaf() instanceof ClassTree owner
						&& variable.getInitializer() != null) {
					RecordedActions.this.constants
						.computeIfAbsent(owner.getSimpleName().toString(), (name) -> new HashMap<>())
						.put(variable.getName().toString(), new TreePath(getCurrentPath(), variable.getInitializer()));
				}
				return super.visitVariable(variable, unused);
			}

		}.scan(unit, null);
	}

	private void collectActions(CompilationUnitTree unit) {
		Set<String> auditLogs = new LinkedHashSet<>();
		new TreePathScanner<Void, Void>() {

			@Override
			public Void visitVariable(VariableTree variable, Void unused) {
				if (variable.getType() != null && isAuditLog(variable.getType().toString())) {
					auditLogs.add(variable.getName().toString());
				}
				return super.visitVariable(variable, unused);
			}

		}.scan(unit, null);
		new TreePathScanner<Void, Void>() {

			@Override
			public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
				if (call.getMethodSelect() instanceof MemberSelectTree select
						&& ACTION_PARAMETER.containsKey(select.getIdentifier().toString())
						&& auditLogs.contains(receiverName(select.getExpression()))) {
					int index = ACTION_PARAMETER.get(select.getIdentifier().toString());
					if (call.getArguments().size() > index) {
						RecordedActions.this.actions
							.addAll(resolve(new TreePath(getCurrentPath(), call.getArguments().get(index)), 0));
					}
				}
				return super.visitMethodInvocation(call, unused);
			}

		}.scan(unit, null);
	}

	/** The strings an expression can have, or none (and a note) if it cannot be told. */
	private Set<String> resolve(TreePath path, int depth) {
		Tree expression = path.getLeaf();
		if (depth > MAX_DEPTH) {
			return unreadable(path, "followed too far");
		}
		if (expression instanceof LiteralTree literal && literal.getValue() instanceof String value) {
			return Set.of(value);
		}
		if (expression instanceof ParenthesizedTree parenthesized) {
			return resolve(new TreePath(path, parenthesized.getExpression()), depth + 1);
		}
		if (expression instanceof ConditionalExpressionTree conditional) {
			Set<String> values = new TreeSet<>(resolve(new TreePath(path, conditional.getTrueExpression()), depth + 1));
			values.addAll(resolve(new TreePath(path, conditional.getFalseExpression()), depth + 1));
			return values;
		}
		if (expression instanceof BinaryTree binary && binary.getKind() == Tree.Kind.PLUS) {
			Set<String> values = new TreeSet<>();
			Set<String> rights = resolve(new TreePath(path, binary.getRightOperand()), depth + 1);
			for (String left : resolve(new TreePath(path, binary.getLeftOperand()), depth + 1)) {
				rights.forEach((right) -> values.add(left + right));
			}
			return values;
		}
		if (expression instanceof IdentifierTree identifier) {
			return resolveName(path, identifier.getName().toString(), depth);
		}
		if (expression instanceof MemberSelectTree select) {
			String owner = select.getExpression().toString();
			String className = owner.equals("this") ? enclosingClass(path).getSimpleName().toString()
					: owner.substring(owner.lastIndexOf('.') + 1);
			TreePath constant = this.constants.getOrDefault(className, Map.of()).get(select.getIdentifier().toString());
			return (constant != null) ? resolve(constant, depth + 1) : unreadable(path, "not a constant we can read");
		}
		return unreadable(path, "neither a string literal nor a constant");
	}

	/**
	 * A name: a parameter of the enclosing method (then every call of that method in its
	 * class), a local variable, or a field of the enclosing class.
	 */
	private Set<String> resolveName(TreePath path, String name, int depth) {
		for (TreePath at = path; at != null; at = at.getParentPath()) {
			if (at.getLeaf() instanceof LambdaExpressionTree lambda && lambda.getParameters()
				.stream()
				.anyMatch((parameter) -> parameter.getName().contentEquals(name))) {
				return unreadable(path, "a lambda's parameter");
			}
			if (at.getLeaf() instanceof MethodTree method) {
				Set<String> values = resolveInMethod(at, method, name, depth);
				if (values != null) {
					return values;
				}
			}
			if (at.getLeaf() instanceof ClassTree owner) {
				TreePath constant = this.constants.getOrDefault(owner.getSimpleName().toString(), Map.of()).get(name);
				return (constant != null) ? resolve(constant, depth + 1) : unreadable(path, "a field set elsewhere");
			}
		}
		return unreadable(path, "an unknown name");
	}

	/**
	 * The values of a parameter or local variable of a method, or null if it has none.
	 */
	private Set<String> resolveInMethod(TreePath methodPath, MethodTree method, String name, int depth) {
		for (int index = 0; index < method.getParameters().size(); index++) {
			if (method.getParameters().get(index).getName().contentEquals(name)) {
				return resolveParameter(methodPath, method, index, depth);
			}
		}
		List<TreePath> initializers = new ArrayList<>();
		List<TreePath> uninitialised = new ArrayList<>();
		new TreePathScanner<Void, Void>() {

			@Override
			public Void visitVariable(VariableTree variable, Void unused) {
				if (variable.getName().contentEquals(name)) {
					if (variable.getInitializer() != null) {
						initializers.add(new TreePath(getCurrentPath(), variable.getInitializer()));
					}
					else {
						uninitialised.add(getCurrentPath());
					}
				}
				return super.visitVariable(variable, unused);
			}

		}.scan(methodPath, null);
		if (!uninitialised.isEmpty()) {
			return unreadable(uninitialised.get(0), "a variable assigned later");
		}
		if (initializers.isEmpty()) {
			return null;
		}
		Set<String> values = new TreeSet<>();
		initializers.forEach((initializer) -> values.addAll(resolve(initializer, depth + 1)));
		return values;
	}

	/** The values every call of the method in its class passes as the given parameter. */
	private Set<String> resolveParameter(TreePath methodPath, MethodTree method, int index, int depth) {
		List<TreePath> arguments = new ArrayList<>();
		new TreePathScanner<Void, Void>() {

			@Override
			public Void visitMethodInvocation(MethodInvocationTree call, Void unused) {
				if (call.getArguments().size() == method.getParameters().size()
						&& calls(call.getMethodSelect(), method.getName().toString())) {
					arguments.add(new TreePath(getCurrentPath(), call.getArguments().get(index)));
				}
				return super.visitMethodInvocation(call, unused);
			}

		}.scan(new TreePath(methodPath.getCompilationUnit()), null);
		if (arguments.isEmpty()) {
			return unreadable(methodPath, "a parameter of " + method.getName() + "() that no call in its file gives");
		}
		Set<String> values = new TreeSet<>();
		arguments.forEach((argument) -> values.addAll(resolve(argument, depth + 1)));
		return values;
	}

	private Set<String> unreadable(TreePath path, String why) {
		CompilationUnitTree unit = path.getCompilationUnit();
		long line = unit.getLineMap().getLineNumber(this.positions.getStartPosition(unit, path.getLeaf()));
		String file = Path.of(unit.getSourceFile().toUri().getPath()).getFileName().toString();
		this.unreadable.add(file + ":" + line + ": " + path.getLeaf() + " (" + why + ")");
		return Set.of();
	}

	private static ClassTree enclosingClass(TreePath path) {
		for (TreePath at = path; at != null; at = at.getParentPath()) {
			if (at.getLeaf() instanceof ClassTree owner) {
				return owner;
			}
		}
		throw new IllegalStateException("No class around " + path.getLeaf());
	}

	/** Whether a method select names the given method of this class. */
	private static boolean calls(ExpressionTree select, String method) {
		return (select instanceof IdentifierTree identifier && identifier.getName().contentEquals(method))
				|| (select instanceof MemberSelectTree member && member.getIdentifier().contentEquals(method)
						&& member.getExpression().toString().equals("this"));
	}

	/** The name of a receiver that is a variable or {@code this.field}, else null. */
	private static String receiverName(ExpressionTree receiver) {
		if (receiver instanceof IdentifierTree identifier) {
			return identifier.getName().toString();
		}
		if (receiver instanceof MemberSelectTree select && select.getExpression().toString().equals("this")) {
			return select.getIdentifier().toString();
		}
		return null;
	}

	private static boolean isAuditLog(String type) {
		return type.equals(AuditLog.class.getSimpleName()) || type.equals(AuditLog.class.getName());
	}

	/** Read from AuditLog itself, so that a new way to record is followed too. */
	private static Map<String, Integer> actionParameters() {
		Map<String, Integer> positions = new HashMap<>();
		for (Method method : AuditLog.class.getDeclaredMethods()) {
			Parameter[] parameters = method.getParameters();
			for (int index = 0; index < parameters.length; index++) {
				if (Modifier.isPublic(method.getModifiers()) && parameters[index].getName().equals("action")) {
					Integer earlier = positions.put(method.getName(), index);
					if (earlier != null && earlier != index) {
						throw new IllegalStateException("AuditLog." + method.getName()
								+ " takes its action at different places in its overloads");
					}
				}
			}
		}
		if (positions.isEmpty()) {
			throw new IllegalStateException("No AuditLog method has a parameter named 'action' "
					+ "(are the classes compiled with -parameters?)");
		}
		return Map.copyOf(positions);
	}

}

package dev.slsguard.compilers.events.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.slsguard.compilers.Naming;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The REST API's resource tree as v3 builds it ({@code resources.js}): one node per path prefix
 * of every endpoint, in first-seen order; with {@code provider.apiGateway.restApiResources}
 * (paths of an external API that already exist) the branches under predefined resources are cut
 * off, and a method on a path that has neither a predefined id nor a route to one is an error.
 */
final class ResourceTree {

    /** One path of the tree. */
    static final class PathNode {
        final String path;
        final String pathPart;
        PathNode parent;
        final int level;
        final List<PathNode> children = new ArrayList<>();
        String name;
        JsonNode resourceId;
        boolean hasMethod;
        boolean isCut;
        String logicalId;

        PathNode(String path, String pathPart, PathNode parent, int level) {
            this.path = path;
            this.pathPart = pathPart;
            this.parent = parent;
            this.level = level;
        }
    }

    /** A predefined resource of an external API. */
    record Predefined(String path, Optional<String> name, JsonNode resourceId) {
    }

    private final List<PathNode> trees = new ArrayList<>();
    private final List<PathNode> predefinedNodes = new ArrayList<>();
    private final List<PathNode> methodNodes = new ArrayList<>();
    // the paths of the three lists above, so that finding one is not a scan per endpoint
    private final Map<String, PathNode> treeByPath = new java.util.HashMap<>();
    private final java.util.Set<String> predefinedPaths = new java.util.HashSet<>();
    private final java.util.Set<String> methodNodePaths = new java.util.HashSet<>();

    /** Thrown where v3 throws a plain {@code Error} about a missing resource id. */
    static final class MissingResourceId extends Exception {
        MissingResourceId(String path) {
            super(path);
        }
    }

    /**
     * The resources to create or reference, by path, in v3's order.
     *
     * @throws MissingResourceId where v3 stops: a method under a path of an external API without id
     */
    static Map<String, PathNode> build(List<Predefined> predefined, List<String> methodPaths) throws MissingResourceId {
        ResourceTree tree = new ResourceTree();
        for (Predefined p : predefined) {
            tree.apply(p.path(), p.name().orElse(null), p.resourceId(), false);
        }
        for (String path : methodPaths) {
            if (!path.isEmpty()) {
                tree.apply(path, null, null, true);
            }
        }
        if (tree.predefinedNodes.isEmpty()) {
            return combine(tree.trees);
        }
        boolean allPredefined = methodPaths.stream()
                .allMatch(tree.predefinedPaths::contains);
        if (allPredefined) {
            Map<String, PathNode> out = new LinkedHashMap<>();
            for (Predefined p : predefined) {
                PathNode node = new PathNode(p.path(), p.path(), null, 0);
                node.resourceId = p.resourceId();
                node.name = p.name().orElse(Naming.normalizePath(p.path()));
                out.put(p.path(), node);
            }
            return out;
        }
        List<PathNode> sorted = new ArrayList<>(tree.predefinedNodes);
        sorted.sort(Comparator.comparingInt(n -> n.level));
        for (int i = sorted.size() - 1; i >= 0; i--) {
            PathNode parent = sorted.get(i);
            while (parent != null && parent.parent != null) {
                if (parent.parent.hasMethod && parent.parent.resourceId == null) {
                    throw new MissingResourceId(parent.parent.path);
                }
                if (parent.parent.resourceId != null || parent.parent.children.size() > 1) {
                    cut(parent);
                    break;
                }
                parent = parent.parent;
            }
        }
        List<PathNode> validated = new ArrayList<>();
        java.util.Set<String> validatedPaths = new java.util.HashSet<>();
        for (PathNode node : tree.methodNodes) {
            PathNode iter = node;
            while (iter != null) {
                if (iter.resourceId != null) {
                    cut(iter);
                    if (!validatedPaths.contains(node.path)) {
                        validated.add(iter);
                        validatedPaths.add(iter.path);
                    }
                    break;
                }
                if (iter.isCut || (iter.parent == null && iter.level > 0)) {
                    throw new MissingResourceId(iter.path);
                }
                if (iter.parent == null) {
                    validated.add(iter);
                    validatedPaths.add(iter.path);
                    break;
                }
                iter = iter.parent;
            }
        }
        return combine(validated);
    }

    private static void cut(PathNode node) {
        if (node.parent == null) {
            return;
        }
        if (node.parent.children.size() <= 1) {
            node.parent.children.clear();
        } else {
            node.parent.children.removeIf(c -> c.path.equals(node.path));
            node.parent.isCut = true;
        }
        node.parent = null;
    }

    private static Map<String, PathNode> combine(List<PathNode> roots) {
        Map<String, PathNode> out = new LinkedHashMap<>();
        for (PathNode root : roots) {
            collect(root, out);
        }
        return out;
    }

    private static void collect(PathNode node, Map<String, PathNode> out) {
        out.put(node.path, node);
        if (node.name == null) {
            node.name = Naming.normalizePath(node.path);
        }
        for (PathNode child : node.children) {
            collect(child, out);
        }
    }

    private void apply(String rawPath, String name, JsonNode resourceId, boolean isMethod) {
        String path = rawPath.replaceFirst("^/", "").replaceFirst("/$", "");
        String[] parts = path.split("/", -1);
        PathNode root = null;
        PathNode parent = null;
        String current = null;
        for (int index = 0; index < parts.length; index++) {
            String part = parts[index];
            current = current == null ? part : current + "/" + part;
            String at = current;
            if (root == null) {
                root = treeByPath.get(at);
            }
            if (parent == null) {
                parent = root;
            }
            if (parent != null) {
                if (parent.path.equals(current)) {
                    parent = applyNode(parent, parts, index, name, resourceId, isMethod);
                    continue;
                }
                Optional<PathNode> child = parent.children.stream().filter(n -> n.path.equals(at)).findFirst();
                if (child.isPresent()) {
                    parent = applyNode(child.get(), parts, index, name, resourceId, isMethod);
                    continue;
                }
            }
            PathNode node = new PathNode(current, part, parent, index);
            if (parent != null) {
                parent.children.add(node);
            }
            if (root == null) {
                root = node;
                trees.add(root);
                treeByPath.put(root.path, root);
            }
            parent = applyNode(node, parts, index, name, resourceId, isMethod);
        }
    }

    private PathNode applyNode(PathNode node, String[] parts, int index, String name, JsonNode resourceId,
                               boolean isMethod) {
        if (index == parts.length - 1) {
            node.name = name;
            if (resourceId != null) {
                node.resourceId = resourceId;
                if (predefinedPaths.add(node.path)) {
                    predefinedNodes.add(node);
                }
            }
            if (isMethod && !node.hasMethod) {
                node.hasMethod = true;
                if (methodNodePaths.add(node.path)) {
                    methodNodes.add(node);
                }
            }
        }
        return node;
    }
}

import RingsideSimulation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One scenario script the menu (`o`) offers: its file name and its first `say` caption.
public struct ScenarioFile: Hashable, Sendable {
    /// The file name, `successor-vs-fingers.ringside`.
    public var name: String
    public var path: String
    /// The text of the script's first `say`, if it has one.
    public var caption: String?

    public init(name: String, path: String, caption: String?) {
        self.name = name
        self.path = path
        self.caption = caption
    }

    /// The text of the first `say` command in `bytes` (comments and blanks skipped).
    public static func firstCaption(in bytes: [UInt8]) -> String? {
        for raw in String(decoding: bytes, as: UTF8.self).split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = Lexer.withoutComment(String(raw)).trimmingBlanks()
            guard line.hasPrefix("say"), line.count > 3 else { continue }
            let rest = line.dropFirst(3)
            guard rest.first == " " || rest.first == "\t" else { continue }
            return String(rest).trimmingBlanks()
        }
        return nil
    }
}

/// What the menu lists: the scenarios of the folder found, or why there are none.
public struct ScenarioListing: Hashable, Sendable {
    /// The folder read, if one was found.
    public var folder: String?
    /// Sorted by name.
    public var files: [ScenarioFile]
    /// Set when there is nothing to list, in words for the status line.
    public var problem: String?

    public init(folder: String?, files: [ScenarioFile], problem: String? = nil) {
        self.folder = folder
        self.files = files
        self.problem = problem
    }
}

/// Where the scenario menu finds its scripts.
public protocol ScenarioLibrary: Sendable {
    /// The scenarios there are now (read afresh each time the menu opens).
    func list() -> ScenarioListing
    /// A scenario's bytes, nil if it cannot be read.
    func read(_ file: ScenarioFile) -> [UInt8]?
}

/// `Assets/scenarios` on disk: relative to the working directory, else in the repository
/// the executable was built in (`.build/debug/ringside` → the folder above `.build`).
public struct ScenarioFolder: ScenarioLibrary {
    /// Folders tried in order; the first that exists is listed.
    public var candidates: [String]
    /// The extension a scenario file has.
    public static let fileExtension = ".ringside"
    /// Bytes read from one scenario at most (as `ringside run`'s limit).
    static let sizeMax = 64 << 20

    public init(candidates: [String]) {
        self.candidates = candidates
    }

    /// The working directory's `Assets/scenarios`, then the executable's repository's.
    public static func standard() -> ScenarioFolder {
        var candidates = ["Assets/scenarios"]
        if let executable = executablePath() {
            var parts = executable.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            // Walk up from the executable's folder: the first ancestor with Assets/scenarios.
            parts.removeLast()
            while !parts.isEmpty {
                let folder = parts.joined(separator: "/")
                if !folder.isEmpty { candidates.append(folder + "/Assets/scenarios") }
                parts.removeLast()
            }
        }
        return ScenarioFolder(candidates: candidates)
    }

    public func list() -> ScenarioListing {
        guard let folder = candidates.first(where: Self.isDirectory) else {
            return ScenarioListing(folder: nil, files: [], problem:
                "no scenarios: Assets/scenarios is not in the working directory nor next to ringside (run it from the repository)")
        }
        let names = Self.entries(of: folder).filter { $0.hasSuffix(Self.fileExtension) }.sorted()
        let files = names.map { name in
            let path = folder + "/" + name
            let bytes = Self.contents(of: path) ?? []
            return ScenarioFile(name: name, path: path, caption: ScenarioFile.firstCaption(in: bytes))
        }
        return ScenarioListing(folder: folder, files: files,
                               problem: files.isEmpty ? "no scenarios: \(folder) holds no \(Self.fileExtension) files" : nil)
    }

    public func read(_ file: ScenarioFile) -> [UInt8]? {
        Self.contents(of: file.path)
    }

    // MARK: The file system, through the C library (RingsideUI does without Foundation)

    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    static func entries(of folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: MemoryLayout.size(ofValue: entry.pointee.d_name)) {
                    String(cString: $0)
                }
            }
            if name != ".", name != ".." { names.append(name) }
        }
        return names
    }

    static func contents(of path: String) -> [UInt8]? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count <= sizeMax {
            let count = fread(&buffer, 1, buffer.count, file)
            if count <= 0 { break }
            bytes.append(contentsOf: buffer[0..<count])
        }
        return ferror(file) == 0 && bytes.count <= sizeMax ? bytes : nil
    }

    static func executablePath() -> String? {
        #if os(Linux)
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[0..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
        #else
        return CommandLine.arguments.first
        #endif
    }
}

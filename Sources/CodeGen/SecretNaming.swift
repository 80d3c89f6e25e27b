import ScreenCore

/// The environment-variable names generated scripts read masked fields from, exposed so the live
/// stage types a secret from the very variable the script will read.
public enum SecretNaming {
    /// One name per secret fill of `actions`, in order (`PASSWORD`, `PASSWORD_2`, …).
    public static func names(for actions: [Action]) -> [String] {
        var names = SecretNames()
        return actions.filter { $0.kind == .fill && $0.secret }.map { names.next(for: $0.target) }
    }
}

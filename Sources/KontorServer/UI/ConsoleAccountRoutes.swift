import Foundation
import Hummingbird
import KontorStore

/// The signed-in user's account: set or change the password (the current one is asked for when there is one;
/// a change signs the user's other sessions out).
struct ConsoleAccountRoutes {
    let users: ConsoleUserStore
    let sessions: ConsoleSessionStore
    let renderer: ConsoleRenderer
    let cookies: ConsoleCookie

    func register(on group: RouterGroup<HubRequestContext>) {
        group.get("account") { request, context in
            let page = try ConsolePageContext(request, context, catalogue: renderer.catalogue)
            return renderer.page(
                "account",
                ["username": page.session.user.username, "hasPassword": page.session.user.passwordHash != nil],
                request: request,
                context: context
            )
        }
        group.post("account/password") { request, context in
            let page = try ConsolePageContext(request, context, catalogue: renderer.catalogue)
            let form = context.form
            let user = page.session.user
            if let hash = user.passwordHash {
                guard try await ConsolePassword.verify(form.rawValue("current") ?? "", hash: hash) else {
                    throw ConsoleFailure(code: "wrong-password", fields: ["current"])
                }
            }
            let password = form.rawValue("password") ?? ""
            guard password.count >= ConsolePassword.minimumLength, password.count <= 200 else {
                throw ConsoleFailure(code: "password-too-short", fields: ["password"])
            }
            guard password == form.rawValue("repeat") else {
                throw ConsoleFailure(code: "password-mismatch", fields: ["repeat"])
            }
            try await users.setPasswordHash(try await ConsolePassword.hash(password), of: user.id)
            // Every session of the user ended with the change; this browser gets a new one.
            let (cookie, _) = try await sessions.start(for: user)
            return ConsoleErrorMiddleware.redirect(
                to: "/ui/account?notice=passwordSaved",
                cookies: [cookies.set(ConsoleSessionMiddleware.sessionCookie, cookie)]
            )
        }
    }
}

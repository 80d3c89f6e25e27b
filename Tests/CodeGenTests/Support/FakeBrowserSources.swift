/// Sources of stand-ins for Playwright and Selenium that record every call they receive, so a test
/// can run a generated script without a browser and see exactly which strings reached the API.
/// Each writes `[{"path": "page.get_by_role", "args": [...], "kwargs": {...}}, …]` as JSON to the
/// file named by `RECORD_OUT`.
enum FakeBrowserSources {
    /// `fakes.py`: importing it installs an import hook that fabricates every `playwright.*` and
    /// `selenium.*` module; their attributes are recorders. Run a script with
    /// `python3 -c 'import fakes, runpy; runpy.run_path(SCRIPT, run_name="__main__")'`.
    static let python = #"""
    import atexit, importlib.abc, importlib.machinery, json, os, re, sys, types

    CALLS = []

    def enc(a):
        if isinstance(a, Rec):
            return "<" + a._path + ">"
        if a is None or isinstance(a, (str, int, float, bool)):
            return a
        if isinstance(a, (list, tuple)):
            return [enc(x) for x in a]
        if isinstance(a, dict):
            return {str(k): enc(v) for k, v in a.items()}
        if isinstance(a, re.Pattern):
            return {"regex": a.pattern, "ignoreCase": bool(a.flags & re.IGNORECASE)}
        return repr(a)

    class Rec:
        def __init__(self, path):
            self._path = path
        def __getattr__(self, name):
            if name.startswith("__"):
                raise AttributeError(name)
            return Rec(self._path + "." + name)
        def __call__(self, *args, **kwargs):
            CALLS.append({"path": self._path, "args": enc(list(args)), "kwargs": enc(kwargs)})
            # The window's inner size, asked when a script fits the viewport: answer as a browser
            # whose frame takes nothing.
            if self._path.endswith(".execute_script") and args and "innerWidth" in str(args[0]):
                return [1280, 720]
            # A wait condition written in the script (a function): run it once against a fake
            # driver, so the locators it uses are recorded too.
            for a in args:
                if isinstance(a, types.FunctionType):
                    a(Rec(self._path + ".driver"))
            return Rec(self._path + "()")
        def __iter__(self):
            return iter([])
        def __enter__(self):
            return self
        def __exit__(self, *exc):
            return False
        def __bool__(self):
            return False
        def __add__(self, other):
            CALLS.append({"path": self._path + ".__add__", "args": [enc(other)], "kwargs": {}})
            return Rec(self._path + "+")
        def __radd__(self, other):
            return Rec("+" + self._path)

    class FakeModule(types.ModuleType):
        def __getattr__(self, name):
            if name.startswith("__"):
                raise AttributeError(name)
            return Rec(self.__name__ + "." + name)

    class Finder(importlib.abc.MetaPathFinder, importlib.abc.Loader):
        def find_spec(self, fullname, path, target=None):
            if fullname.split(".")[0] in ("playwright", "selenium"):
                return importlib.machinery.ModuleSpec(fullname, self, is_package=True)
            return None
        def create_module(self, spec):
            m = FakeModule(spec.name)
            m.__path__ = []
            return m
        def exec_module(self, module):
            pass

    sys.meta_path.insert(0, Finder())

    @atexit.register
    def _dump():
        with open(os.environ["RECORD_OUT"], "w", encoding="utf-8") as f:
            json.dump(CALLS, f)
    """#

    /// `node_modules/@playwright/test/index.js`: `test()` runs the body with a recording `page`.
    static let nodeModule = #"""
    import { writeFileSync } from 'node:fs';
    const calls = [];
    const PATH = Symbol('path');
    function enc(a) {
      if (a !== null && (typeof a === 'object' || typeof a === 'function') && a[PATH]) return '<' + a[PATH] + '>';
      if (a instanceof RegExp) return { regex: a.source, ignoreCase: a.flags.includes('i') };
      if (Array.isArray(a)) return a.map(enc);
      if (a !== null && typeof a === 'object') {
        const o = {};
        for (const k of Object.keys(a)) o[k] = enc(a[k]);
        return o;
      }
      return a === undefined ? null : a;
    }
    function rec(path) {
      return new Proxy(function () {}, {
        get(t, prop) {
          if (prop === PATH) return path;
          if (prop === 'then' || typeof prop === 'symbol') return undefined;
          return rec(path + '.' + prop);
        },
        apply(t, self, args) {
          calls.push({ path, args: enc(args), kwargs: {} });
          return rec(path + '()');
        },
      });
    }
    const tests = [];
    export const expect = rec('expect');
    export const test = Object.assign((title, body) => tests.push([title, body]), {
      use: (options) => calls.push({ path: 'test.use', args: [enc(options)], kwargs: {} }),
    });
    setTimeout(async () => {
      for (const [title, body] of tests) {
        calls.push({ path: 'test', args: [title], kwargs: {} });
        await body({ page: rec('page') });
      }
      writeFileSync(process.env.RECORD_OUT, JSON.stringify(calls));
    }, 0);
    """#

    static let nodePackage = #"{ "name": "@playwright/test", "type": "module", "exports": "./index.js" }"#

    /// Java stubs of the Selenium and JUnit API the generated class uses (path → source), plus
    /// `RunRecorded`, which runs a JUnit-style class (`@BeforeEach`, `@Test`, `@AfterEach`) and dumps
    /// the calls.
    static let java: [String: String] = [
        "org/junit/jupiter/api/Test.java": annotation("Test"),
        "org/junit/jupiter/api/BeforeEach.java": annotation("BeforeEach"),
        "org/junit/jupiter/api/AfterEach.java": annotation("AfterEach"),
        "org/openqa/selenium/Rec.java": #"""
        package org.openqa.selenium;
        import java.util.*;
        public final class Rec {
            public static final List<String> CALLS = new ArrayList<>();
            public static void call(String path, Object... args) {
                StringBuilder b = new StringBuilder("{\"path\":").append(json(path)).append(",\"args\":[");
                for (int i = 0; i < args.length; i++) { if (i > 0) b.append(','); b.append(json(String.valueOf(args[i]))); }
                CALLS.add(b.append("],\"kwargs\":{}}").toString());
            }
            public static String json(String s) {
                StringBuilder b = new StringBuilder("\"");
                for (char c : s.toCharArray()) {
                    if (c == '"' || c == '\\') b.append('\\').append(c);
                    else if (c < 0x20 || c > 0x7e) b.append(String.format("\\u%04x", (int) c));
                    else b.append(c);
                }
                return b.append('"').toString();
            }
        }
        """#,
        "org/openqa/selenium/By.java": #"""
        package org.openqa.selenium;
        public class By {
            public static By xpath(String x) { Rec.call("By.xpath", x); return new By(); }
            public static By id(String x) { Rec.call("By.id", x); return new By(); }
            public static By name(String x) { Rec.call("By.name", x); return new By(); }
            public static By linkText(String x) { Rec.call("By.linkText", x); return new By(); }
            public static By cssSelector(String x) { Rec.call("By.cssSelector", x); return new By(); }
        }
        """#,
        "org/openqa/selenium/WebElement.java": #"""
        package org.openqa.selenium;
        public interface WebElement {
            void click(); void clear(); void sendKeys(CharSequence... keys); boolean isSelected(); boolean isDisplayed();
            boolean isEnabled(); String getDomAttribute(String name);
        }
        """#,
        "org/openqa/selenium/StubElement.java": #"""
        package org.openqa.selenium;
        public class StubElement implements WebElement {
            public void click() { Rec.call("element.click"); }
            public void clear() { Rec.call("element.clear"); }
            public void sendKeys(CharSequence... keys) { Rec.call("element.sendKeys", (Object[]) keys); }
            public boolean isSelected() { return false; }
            public boolean isDisplayed() { return true; }
            public boolean isEnabled() { return true; }
            public String getDomAttribute(String name) { Rec.call("element.getDomAttribute", name); return null; }
        }
        """#,
        "org/openqa/selenium/WebDriver.java": #"""
        package org.openqa.selenium;
        import java.util.List;
        public interface WebDriver {
            void get(String url); void quit(); List<WebElement> findElements(By by); TargetLocator switchTo();
            Options manage();
            interface TargetLocator { WebElement activeElement(); }
            interface Options { Window window(); }
            interface Window { void setSize(Dimension size); }
        }
        """#,
        "org/openqa/selenium/Dimension.java": #"""
        package org.openqa.selenium;
        public class Dimension {
            public final int width, height;
            public Dimension(int width, int height) { this.width = width; this.height = height; }
            public String toString() { return "(" + width + ", " + height + ")"; }
        }
        """#,
        "org/openqa/selenium/JavascriptExecutor.java": #"""
        package org.openqa.selenium;
        public interface JavascriptExecutor { Object executeScript(String script, Object... args); }
        """#,
        "org/openqa/selenium/Keys.java": #"""
        package org.openqa.selenium;
        public enum Keys implements CharSequence {
            ENTER, TAB, ESCAPE, BACKSPACE, DELETE, ARROW_UP, ARROW_DOWN, ARROW_LEFT, ARROW_RIGHT, HOME, END,
            PAGE_UP, PAGE_DOWN, INSERT, SPACE, SHIFT, CONTROL, ALT, META,
            F1, F2, F3, F4, F5, F6, F7, F8, F9, F10, F11, F12;
            public static String chord(CharSequence... keys) { return String.join("", keys); }
            public String toString() { return "<Keys." + name() + ">"; }
            public int length() { return toString().length(); }
            public char charAt(int i) { return toString().charAt(i); }
            public CharSequence subSequence(int a, int b) { return toString().subSequence(a, b); }
        }
        """#,
        "org/openqa/selenium/chrome/ChromeDriver.java": #"""
        package org.openqa.selenium.chrome;
        import java.util.List;
        import org.openqa.selenium.*;
        public class ChromeDriver implements WebDriver, JavascriptExecutor {
            public void get(String url) { Rec.call("driver.get", url); }
            public void quit() { Rec.call("driver.quit"); }
            public List<WebElement> findElements(By by) { return List.of(new StubElement()); }
            public TargetLocator switchTo() { return () -> new StubElement(); }
            public Object executeScript(String script, Object... args) {
                Rec.call("driver.executeScript", script);
                // The window's inner size, asked when a script fits the viewport.
                return script.contains("innerWidth") ? List.of(1280L, 720L) : null;
            }
            public Options manage() { return () -> size -> Rec.call("driver.manage().window().setSize", size.toString()); }
        }
        """#,
        "org/openqa/selenium/interactions/Actions.java": #"""
        package org.openqa.selenium.interactions;
        import org.openqa.selenium.*;
        public class Actions {
            public Actions(WebDriver driver) {}
            public Actions moveToLocation(int x, int y) { Rec.call("actions.moveToLocation", x, y); return this; }
            public Actions click() { Rec.call("actions.click"); return this; }
            public Actions doubleClick() { Rec.call("actions.doubleClick"); return this; }
            public Actions doubleClick(WebElement e) { Rec.call("actions.doubleClick"); return this; }
            public Actions moveToElement(WebElement e) { Rec.call("actions.moveToElement"); return this; }
            public Actions keyDown(CharSequence k) { Rec.call("actions.keyDown", k); return this; }
            public Actions keyUp(CharSequence k) { Rec.call("actions.keyUp", k); return this; }
            public Actions sendKeys(CharSequence... k) { Rec.call("actions.sendKeys", (Object[]) k); return this; }
            public void perform() { Rec.call("actions.perform"); }
        }
        """#,
        "org/openqa/selenium/support/ui/ExpectedCondition.java": #"""
        package org.openqa.selenium.support.ui;
        import java.util.function.Function;
        import org.openqa.selenium.WebDriver;
        public interface ExpectedCondition<T> extends Function<WebDriver, T> {}
        """#,
        "org/openqa/selenium/support/ui/ExpectedConditions.java": #"""
        package org.openqa.selenium.support.ui;
        import org.openqa.selenium.*;
        public class ExpectedConditions {
            public static ExpectedCondition<WebElement> elementToBeClickable(By by) { return d -> new StubElement(); }
            public static ExpectedCondition<WebElement> presenceOfElementLocated(By by) { return d -> new StubElement(); }
            public static ExpectedCondition<Boolean> urlMatches(String regex) { Rec.call("urlMatches", regex); return d -> true; }
        }
        """#,
        "org/openqa/selenium/support/ui/WebDriverWait.java": #"""
        package org.openqa.selenium.support.ui;
        import java.time.Duration;
        import java.util.function.Function;
        import org.openqa.selenium.WebDriver;
        public class WebDriverWait {
            private final WebDriver driver;
            public WebDriverWait(WebDriver driver, Duration timeout) { this.driver = driver; }
            public <V> V until(Function<? super WebDriver, V> condition) { return condition.apply(driver); }
        }
        """#,
        "org/openqa/selenium/support/ui/Select.java": #"""
        package org.openqa.selenium.support.ui;
        import org.openqa.selenium.*;
        public class Select {
            public Select(WebElement element) {}
            public void selectByVisibleText(String text) { Rec.call("select.selectByVisibleText", text); }
        }
        """#,
        "RunRecorded.java": #"""
        import java.lang.annotation.Annotation;
        import java.lang.reflect.*;
        import java.nio.charset.StandardCharsets;
        import java.nio.file.*;
        import org.openqa.selenium.Rec;
        public class RunRecorded {
            public static void main(String[] a) throws Exception {
                Class<?> c = Class.forName(a[0]);
                Constructor<?> k = c.getDeclaredConstructor();
                k.setAccessible(true);
                Object t = k.newInstance();
                run(c, t, org.junit.jupiter.api.BeforeEach.class);
                run(c, t, org.junit.jupiter.api.Test.class);
                run(c, t, org.junit.jupiter.api.AfterEach.class);
                Files.writeString(Path.of(System.getenv("RECORD_OUT")), "[" + String.join(",", Rec.CALLS) + "]",
                                  StandardCharsets.UTF_8);
            }
            static void run(Class<?> c, Object t, Class<? extends Annotation> kind) throws Exception {
                for (Method m : c.getDeclaredMethods()) {
                    if (m.isAnnotationPresent(kind)) { m.setAccessible(true); m.invoke(t); }
                }
            }
        }
        """#,
    ]

    private static func annotation(_ name: String) -> String {
        """
        package org.junit.jupiter.api;
        import java.lang.annotation.*;
        @Retention(RetentionPolicy.RUNTIME) @Target(ElementType.METHOD)
        public @interface \(name) {}
        """
    }
}

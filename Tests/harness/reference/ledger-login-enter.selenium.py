"""Reference for ledger-login-enter: sign in (Enter submits), open the Invoices tab."""
# secret: LEDGER_PASSWORD
import os

from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

driver = webdriver.Chrome()
try:
    wait = WebDriverWait(driver, 10)
    driver.get("http://127.0.0.1:8765/ledger/")
    driver.find_element(By.CSS_SELECTOR, "input[placeholder='name@company.com']").send_keys(
        "daniel.okafor@acme.studio")
    password = driver.find_element(By.CSS_SELECTOR, "input[placeholder='Enter your password']")
    password.send_keys(os.environ["LEDGER_PASSWORD"])
    password.send_keys(Keys.ENTER)
    wait.until(EC.url_contains("/dashboard.html"))
    tab = wait.until(EC.element_to_be_clickable((By.XPATH, "//*[@role='tab'][normalize-space(.)='Invoices']")))
    tab.click()
    wait.until(lambda d: tab.get_attribute("aria-selected") == "true")
finally:
    driver.quit()

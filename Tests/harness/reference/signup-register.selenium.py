"""Reference for signup-register: fill the registration form, pick a ticket, agree, register."""
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait


def field(label_text):
    label = driver.find_element(By.XPATH, f"//label[normalize-space(.)='{label_text}']")
    return driver.find_element(By.ID, label.get_attribute("for"))


driver = webdriver.Chrome()
try:
    driver.get("http://127.0.0.1:8765/signup/")
    field("First name").send_keys("Ana")
    field("Last name").send_keys("Ferreira")
    field("Work email").send_keys("ana.ferreira@lumen.pt")
    field("Company (optional)").send_keys("Lumen Studio")
    Select(field("Country")).select_by_visible_text("Portugal")
    driver.find_element(By.XPATH, "//label[.//b[normalize-space(.)='Workshop pass']]").click()
    driver.find_element(By.XPATH, "//label[normalize-space(.)='I agree to the code of conduct']").click()
    driver.find_element(By.XPATH, "//button[normalize-space(.)='Register']").click()
    WebDriverWait(driver, 10).until(
        EC.text_to_be_present_in_element((By.ID, "title"), "You're registered, Ana!"))
finally:
    driver.quit()

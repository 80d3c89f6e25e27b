"""Reference for todo-add-items: add three tasks with Enter, tick one off."""
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import WebDriverWait

driver = webdriver.Chrome()
try:
    driver.get("http://127.0.0.1:8765/todo/")
    wait = WebDriverWait(driver, 10)
    new_todo = driver.find_element(By.CSS_SELECTOR, "input[placeholder='What needs doing?']")
    for task in ["Buy oat milk", "Call the dentist about Friday", "Book train tickets to Porto"]:
        new_todo.send_keys(task)
        new_todo.send_keys(Keys.ENTER)
    driver.find_element(
        By.XPATH, "//label[normalize-space(.)='Call the dentist about Friday']//input[@type='checkbox']"
    ).click()
    wait.until(EC.text_to_be_present_in_element((By.ID, "count"), "2 items left"))
finally:
    driver.quit()

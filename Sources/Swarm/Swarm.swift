import ScreenCore
